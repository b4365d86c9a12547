import type {Key, KeyName} from './state/keys.js';

/*
Every key binding, in one table from command name to keys. The handlers and the help overlay
both read it; nothing binds a key anywhere else. No command exists only on Alt, since Alt is
unreliable over SSH and in some terminals.
*/

export const bindings = {
	'app.quit': {keys: ['ctrl-c'], help: 'quit'},
	'app.quitIfEmpty': {keys: ['ctrl-d'], help: 'quit (on an empty line)'},
	'app.redraw': {keys: ['ctrl-l'], help: 'redraw the screen'},
	'panel.toggle': {keys: ['ctrl-t', 'f2'], help: 'show or hide the user list'},
	'scroll.pageUp': {keys: ['page-up'], help: 'scroll the log up a page'},
	'scroll.pageDown': {keys: ['page-down'], help: 'scroll the log down a page'},
	'scroll.lineUp': {keys: ['ctrl-up'], help: 'scroll the log up a line'},
	'scroll.lineDown': {keys: ['ctrl-down'], help: 'scroll the log down a line'},
	'outbox.retry': {keys: ['ctrl-r'], help: 'send the lines marked "not sent" again'},
	'input.submit': {keys: ['enter'], help: 'send the line'},
	'input.left': {keys: ['left'], help: 'cursor left'},
	'input.right': {keys: ['right'], help: 'cursor right'},
	'input.wordLeft': {keys: ['ctrl-left'], help: 'cursor a word left'},
	'input.wordRight': {keys: ['ctrl-right'], help: 'cursor a word right'},
	'input.home': {keys: ['home', 'ctrl-a'], help: 'start of the line'},
	'input.end': {keys: ['end', 'ctrl-e'], help: 'end of the line'},
	'input.backspace': {keys: ['backspace'], help: 'delete left'},
	'input.delete': {keys: ['delete'], help: 'delete right'},
	'input.deleteWord': {keys: ['ctrl-w'], help: 'delete the word before the cursor'},
	'input.clear': {keys: ['ctrl-u'], help: 'clear the line'},
	'input.killToEnd': {keys: ['ctrl-k'], help: 'delete to the end of the line'},
} as const satisfies Record<string, {keys: readonly KeyName[]; help: string}>;

export type Command = keyof typeof bindings;

const byKey = new Map<string, Command>();
for (const [command, binding] of Object.entries(bindings) as Array<
	[Command, (typeof bindings)[Command]]
>) {
	for (const key of binding.keys) {
		byKey.set(key, command);
	}
}

/** The command a key runs, if any. */
export function commandFor(key: Key): Command | undefined {
	return key.kind === 'key' ? byKey.get(key.name) : undefined;
}

/** Keys of a command for display: `ctrl-t` as `Ctrl-T`, `page-up` as `PgUp`. */
export function describeKeys(command: Command): string {
	return bindings[command].keys.map((key) => describeKey(key)).join(', ');
}

const keyLabels: Record<string, string> = {
	'page-up': 'PgUp',
	'page-down': 'PgDn',
	'ctrl-up': 'Ctrl-↑',
	'ctrl-down': 'Ctrl-↓',
	'ctrl-left': 'Ctrl-←',
	'ctrl-right': 'Ctrl-→',
	'shift-tab': 'Shift-Tab',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
};

export function describeKey(key: string): string {
	return (
		keyLabels[key] ??
		key
			.split('-')
			.map((part) =>
				part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1),
			)
			.join('-')
	);
}
