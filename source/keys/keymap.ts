import type {Key, KeyName} from './decode.js';

/*
Every key binding, in one table from command name to keys. The handlers, the help overlay and the
README all follow it; nothing binds a key anywhere else. No command exists only on Alt, since Alt
is unreliable over SSH and in some terminals.

A binding belongs to a scope: where it applies. A key is looked up in the scopes of the current
focus, in order (see `scopesFor`), and the first binding wins; a handler may decline (a '?' on a
line that is not empty, Tab with nothing to complete), and the key goes on to the next scope.
*/

/** Every scope, in the order the help and the README list them. */
export const scopes = ['app', 'screen', 'input', 'edit', 'log', 'users', 'search', 'help'] as const;

export type Scope = (typeof scopes)[number];

export const scopeTitles: Record<Scope, string> = {
	app: 'Always',
	screen: 'In every pane',
	input: 'Input line',
	edit: 'Editing a line (input, search)',
	log: 'Log (Tab to focus it)',
	users: 'User list (Tab to focus it)',
	search: 'Search prompt (Ctrl-F)',
	help: 'This help',
};

/** Keys of the table: a decoded key's name, or a character typed where no text is edited. */
export type BindingKey = KeyName | 'n' | 'N' | 'q' | '?';

type Binding = {readonly scope: Scope; readonly keys: readonly BindingKey[]; readonly help: string};

export const bindings = {
	'app.quit': {
		scope: 'app',
		keys: ['ctrl-c'],
		help: 'quit; with a typed draft, clear it first (a second Ctrl-C quits)',
	},
	'app.redraw': {scope: 'app', keys: ['ctrl-l'], help: 'redraw the screen'},

	'help.open': {scope: 'screen', keys: ['f1'], help: 'open this help'},
	'focus.next': {scope: 'screen', keys: ['tab'], help: 'next pane: input → log → user list'},
	'focus.previous': {scope: 'screen', keys: ['shift-tab'], help: 'previous pane'},
	'focus.input': {scope: 'screen', keys: ['escape'], help: 'back to the input line'},
	'scroll.pageUp': {scope: 'screen', keys: ['page-up'], help: 'scroll the log up a page'},
	'scroll.pageDown': {scope: 'screen', keys: ['page-down'], help: 'scroll the log down a page'},
	'scroll.lineUp': {scope: 'screen', keys: ['ctrl-up'], help: 'scroll the log up a line'},
	'scroll.lineDown': {scope: 'screen', keys: ['ctrl-down'], help: 'scroll the log down a line'},
	'search.open': {scope: 'screen', keys: ['ctrl-f'], help: 'search the loaded history'},
	'panel.toggle': {scope: 'screen', keys: ['ctrl-t', 'f2'], help: 'show or hide the user list'},
	'outbox.retry': {
		scope: 'screen',
		keys: ['ctrl-r'],
		help: 'send the lines marked "not sent" again',
	},

	'input.submit': {scope: 'input', keys: ['enter'], help: 'send the line or run the command'},
	'input.complete': {
		scope: 'input',
		keys: ['tab'],
		help: 'complete a name (after @, or a prefix; again for the next); else next pane',
	},
	'history.previous': {scope: 'input', keys: ['up', 'ctrl-p'], help: 'previous line sent'},
	'history.next': {
		scope: 'input',
		keys: ['down', 'ctrl-n'],
		help: 'next line sent, then the draft',
	},
	'input.helpIfEmpty': {scope: 'input', keys: ['?'], help: 'open this help (on an empty line)'},
	'input.bottomAtEnd': {
		scope: 'input',
		keys: ['end'],
		help: 'back to the newest messages (cursor already at the end)',
	},
	'app.quitIfEmpty': {scope: 'input', keys: ['ctrl-d'], help: 'quit (on an empty line)'},

	'input.left': {scope: 'edit', keys: ['left'], help: 'cursor left'},
	'input.right': {scope: 'edit', keys: ['right'], help: 'cursor right'},
	'input.wordLeft': {scope: 'edit', keys: ['ctrl-left'], help: 'cursor a word left'},
	'input.wordRight': {scope: 'edit', keys: ['ctrl-right'], help: 'cursor a word right'},
	'input.home': {scope: 'edit', keys: ['home', 'ctrl-a'], help: 'start of the line'},
	'input.end': {scope: 'edit', keys: ['end', 'ctrl-e'], help: 'end of the line'},
	'input.backspace': {scope: 'edit', keys: ['backspace'], help: 'delete left'},
	'input.delete': {scope: 'edit', keys: ['delete'], help: 'delete right'},
	'input.deleteWord': {scope: 'edit', keys: ['ctrl-w'], help: 'delete the word before the cursor'},
	'input.clear': {scope: 'edit', keys: ['ctrl-u'], help: 'clear the line'},
	'input.killToEnd': {scope: 'edit', keys: ['ctrl-k'], help: 'delete to the end of the line'},

	'log.lineUp': {scope: 'log', keys: ['up'], help: 'scroll up a line'},
	'log.lineDown': {scope: 'log', keys: ['down'], help: 'scroll down a line'},
	'log.top': {scope: 'log', keys: ['home'], help: 'oldest message loaded (older ones load)'},
	'log.bottom': {scope: 'log', keys: ['end'], help: 'newest message; follow new ones again'},
	'search.next': {scope: 'log', keys: ['n'], help: 'next match of the search (older)'},
	'search.previous': {scope: 'log', keys: ['N'], help: 'previous match of the search (newer)'},

	'users.previous': {scope: 'users', keys: ['up'], help: 'select the user above'},
	'users.next': {scope: 'users', keys: ['down'], help: 'select the user below'},
	'users.pageUp': {scope: 'users', keys: ['page-up'], help: 'up a page of the list'},
	'users.pageDown': {scope: 'users', keys: ['page-down'], help: 'down a page of the list'},
	'users.first': {scope: 'users', keys: ['home'], help: 'the top of the list (yourself)'},
	'users.last': {scope: 'users', keys: ['end'], help: 'the end of the list'},
	'users.mention': {scope: 'users', keys: ['enter'], help: 'put "@name " into the input line'},
	'users.leave': {scope: 'users', keys: ['escape'], help: 'leave the list, back to the input line'},

	'search.run': {
		scope: 'search',
		keys: ['enter'],
		help: 'find the newest match, then n/N in the log',
	},
	'search.cancel': {scope: 'search', keys: ['escape'], help: 'cancel the search'},

	'help.close': {scope: 'help', keys: ['escape', 'q', 'f1'], help: 'close this help'},
	'help.lineUp': {scope: 'help', keys: ['up'], help: 'scroll up a line'},
	'help.lineDown': {scope: 'help', keys: ['down'], help: 'scroll down a line'},
	'help.pageUp': {scope: 'help', keys: ['page-up'], help: 'scroll up a page'},
	'help.pageDown': {scope: 'help', keys: ['page-down'], help: 'scroll down a page'},
} as const satisfies Record<string, Binding>;

export type Command = keyof typeof bindings;

/**
 * What a scope does with keys that are not bindings, for the help and the README: in the user
 * list, letters jump to a name (type-ahead) instead of going to the input line.
 */
export const scopeNotes: Partial<Record<Scope, {readonly keys: string; readonly help: string}>> = {
	users: {
		keys: 'letters',
		help: 'jump to the first name that starts with them (type on within a second)',
	},
};

/** The commands of a scope. */
export type CommandOf<S extends Scope> = {
	[C in Command]: (typeof bindings)[C]['scope'] extends S ? C : never;
}[Command];

/** Line editing: the line editor runs these (see hooks/use-line-editor.ts). */
export type EditCommand = CommandOf<'edit'>;

export const commands = Object.keys(bindings) as Command[];

/**
 * Scopes looked up together, in order, by what has the keys: the help, the search prompt, or the
 * focused pane (state/screen-state.ts `scopesFor` picks one). Two commands in scopes of one list
 * cannot share a key without one hiding the other.
 */
export const scopeChains = {
	help: ['app', 'help'],
	search: ['app', 'search', 'edit'],
	input: ['app', 'input', 'edit', 'screen'],
	log: ['app', 'log', 'screen'],
	users: ['app', 'users', 'screen'],
} as const satisfies Record<string, readonly Scope[]>;

export type KeyHolder = keyof typeof scopeChains;

/** The keys of every command now: the table's, with the config's overrides (see setKeys). */
let activeKeys = new Map<Command, readonly string[]>(
	commands.map((command) => [command, bindings[command].keys]),
);

/** Scope -> key -> command. A key is bound at most once per scope. */
let byScope = scopeTable(activeKeys);

function scopeTable(keysOf: ReadonlyMap<Command, readonly string[]>) {
	const table = new Map<Scope, Map<string, Command>>();
	for (const command of commands) {
		const {scope} = bindings[command] as Binding;
		const keys = table.get(scope) ?? new Map<string, Command>();
		table.set(scope, keys);
		for (const key of keysOf.get(command) ?? []) {
			if (keys.has(key)) {
				throw new Error(`key ${key} bound twice in scope ${scope}`);
			}

			keys.set(key, command);
		}
	}

	return table;
}

/** Counts the calls of setKeys: what was derived from the keys is stale when it changes. */
let generation = 0;
export const keysGeneration = (): number => generation;

/** The keys a command has now. */
export const keysOf = (command: Command): readonly string[] => activeKeys.get(command) ?? [];

/**
 * Give commands other keys (the config's "keys", checked by key-overrides.ts), once at start
 * before anything is drawn: the handlers, the help and the hints all read the new keys.
 */
export function setKeys(overrides: Partial<Record<Command, readonly string[]>>): void {
	const next = new Map(activeKeys);
	for (const [command, keys] of Object.entries(overrides) as Array<[Command, readonly string[]]>) {
		next.set(command, keys);
	}

	byScope = scopeTable(next);
	activeKeys = next;
	generation++;
}

/** What a key is called in the table: its name, or the one character typed (n, N, ?, q). */
export function keyNameOf(key: Key): string | undefined {
	if (key.kind === 'key') {
		return key.name;
	}

	return key.kind === 'text' && [...key.text].length === 1 ? key.text : undefined;
}

/** The command a key runs in one scope, if any. */
export function commandIn(scope: Scope, key: Key): Command | undefined {
	const name = keyNameOf(key);
	return name === undefined ? undefined : byScope.get(scope)?.get(name);
}

/**
 * The command a key runs in the first of `scopes` that binds it. Without scopes: anywhere in the
 * chat with the input line focused (the name prompt and older callers use this).
 */
export function commandFor(
	key: Key,
	chain: readonly Scope[] = scopeChains.input,
): Command | undefined {
	for (const scope of chain) {
		const command = commandIn(scope, key);
		if (command !== undefined) {
			return command;
		}
	}

	return undefined;
}

/** The commands of one scope, in table order. */
export const commandsIn = (scope: Scope): Command[] =>
	commands.filter((command) => bindings[command].scope === scope);

/** Keys of a command for display: `ctrl-t` as `Ctrl-T`, `page-up` as `PgUp`, `n` as `n`. */
export function describeKeys(command: Command, ascii = false): string {
	return keysOf(command)
		.map((key) => describeKey(key, ascii))
		.join(', ');
}

const keyLabels: Record<string, string> = {
	'page-up': 'PgUp',
	'page-down': 'PgDn',
	'ctrl-up': 'Ctrl-↑',
	'ctrl-down': 'Ctrl-↓',
	'ctrl-left': 'Ctrl-←',
	'ctrl-right': 'Ctrl-→',
	'shift-tab': 'Shift-Tab',
	escape: 'Esc',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
};

/** The arrows in words, for terminals that cannot show them. */
const asciiKeyLabels: Record<string, string> = {
	'ctrl-up': 'Ctrl-Up',
	'ctrl-down': 'Ctrl-Down',
	'ctrl-left': 'Ctrl-Left',
	'ctrl-right': 'Ctrl-Right',
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
};

export function describeKey(key: string, ascii = false): string {
	if ([...key].length === 1) {
		return key;
	}

	return (
		(ascii ? asciiKeyLabels[key] : undefined) ??
		keyLabels[key] ??
		key
			.split('-')
			.map((part) =>
				part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1),
			)
			.join('-')
	);
}
