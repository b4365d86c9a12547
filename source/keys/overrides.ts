import {bindings, commands, describeKey, scopeChains, type Command, type Scope} from './keymap.js';

/*
The config's "keys": other keys for commands of the binding table, e.g.
`"keys": {"panel.toggle": "ctrl-u", "input.clear": ["ctrl-x"]}`. Pure: a key spec is read the
way people write it (`ctrl+u`, `Ctrl-U`, `C-u`, `PgUp`, `esc`), and every mistake is a
KeyOverrideError naming the command, which the config reader turns into a line of the file.
*/

export class KeyOverrideError extends Error {
	override readonly name = 'KeyOverrideError';
	constructor(
		/** The command (the key of "keys") the mistake is in. */
		readonly command: string,
		message: string,
	) {
		super(message);
	}
}

/** Keys the terminal sends and the key decoder names (keys/decode.ts). */
const namedKeys = new Set([
	'enter',
	'tab',
	'shift-tab',
	'escape',
	'backspace',
	'delete',
	'up',
	'down',
	'left',
	'right',
	'home',
	'end',
	'page-up',
	'page-down',
	'ctrl-up',
	'ctrl-down',
	'ctrl-left',
	'ctrl-right',
	'ctrl-space',
	'f1',
	'f2',
]);

const aliases: Record<string, string> = {
	esc: 'escape',
	return: 'enter',
	del: 'delete',
	bs: 'backspace',
	pgup: 'page-up',
	pageup: 'page-up',
	pgdn: 'page-down',
	pgdown: 'page-down',
	pagedown: 'page-down',
	backtab: 'shift-tab',
	space: 'space',
};

/** Control characters that arrive as other keys: Ctrl-H is Backspace, Ctrl-I Tab, Ctrl-J and Ctrl-M Enter. */
const ctrlTaken: Record<string, string> = {h: 'backspace', i: 'tab', j: 'enter', m: 'enter'};

/** Scopes where no text is typed: a single character can be a key there. */
const characterScopes = new Set<Scope>(['log', 'users', 'help']);

/**
 * A key spec as the table names it (`ctrl-u`, `page-up`, `f1`, `n`), or an error message.
 * Modifiers join with `-` or `+`; `C-` and `control` mean Ctrl.
 */
export function parseKeySpec(spec: string): {key: string} | {error: string} {
	const trimmed = spec.trim();
	if ([...trimmed].length === 1) {
		return trimmed > ' ' && trimmed < '\u007F' ? {key: trimmed} : {error: `"${spec}" is not a key`};
	}

	const lower = trimmed.toLowerCase().replaceAll(/\s*[+-]\s*/g, '-');
	if (namedKeys.has(lower)) {
		return {key: lower};
	}

	const parts = lower.split('-');
	const name = aliases[parts.at(-1)!] ?? parts.at(-1)!;
	const modifiers = parts
		.slice(0, -1)
		.map((part) => (part === 'c' || part === 'control' ? 'ctrl' : part));
	if (modifiers.length === 0) {
		return namedKeys.has(name)
			? {key: name}
			: {error: `"${spec}" is not a key this terminal can send (e.g. ctrl+u, f2, pgup, esc)`};
	}

	const [modifier] = modifiers;
	if (modifiers.length === 1 && modifier === 'shift' && name === 'tab') {
		return {key: 'shift-tab'};
	}

	if (modifiers.length === 1 && modifier === 'ctrl') {
		if (/^[a-z]$/.test(name)) {
			const taken = ctrlTaken[name];
			return taken
				? {error: `"${spec}" arrives as ${describeKey(taken)}; choose another key`}
				: {key: `ctrl-${name}`};
		}

		if (['up', 'down', 'left', 'right', 'space'].includes(name)) {
			return {key: `ctrl-${name}`};
		}
	}

	if (modifiers.length === 1 && modifier === 'alt' && [...name].length === 1) {
		return {key: `alt-${name}`};
	}

	return {error: `"${spec}" is not a key this terminal can send (e.g. ctrl+u, f2, pgup, esc)`};
}

const isCommand = (name: string): name is Command => (commands as string[]).includes(name);

/** Scopes that share a focus with `scope`: a key there can hide, or be hidden by, one in `scope`. */
const neighbours = (scope: Scope) =>
	new Set(
		Object.values<readonly Scope[]>(scopeChains)
			.filter((chain) => chain.includes(scope))
			.flat(),
	);

/**
 * The config's "keys" checked and normalized: command -> keys. A command must exist, have at
 * least one key that is not on Alt, and a new key must not be another command's where both
 * apply (rebind that one too).
 */
export function resolveKeyOverrides(raw: unknown): Partial<Record<Command, string[]>> {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw new KeyOverrideError('', 'must be an object of command names to keys');
	}

	const overrides: Partial<Record<Command, string[]>> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (!isCommand(name)) {
			throw new KeyOverrideError(
				name,
				`"${name}" is not a command (see the help, F1, for the names, e.g. panel.toggle)`,
			);
		}

		const specs: unknown[] = Array.isArray(value) ? value : [value];
		if (specs.length === 0 || !specs.every((spec) => typeof spec === 'string')) {
			throw new KeyOverrideError(name, `"${name}" must be a key or a list of keys, e.g. "ctrl+u"`);
		}

		const keys = specs.map((spec) => {
			const parsed = parseKeySpec(spec);
			if ('error' in parsed) {
				throw new KeyOverrideError(name, parsed.error);
			}

			return parsed.key;
		});
		const {scope} = bindings[name];
		if (keys.some((key) => [...key].length === 1) && !characterScopes.has(scope)) {
			throw new KeyOverrideError(
				name,
				`"${name}" cannot be a single character: it would be typed into the line`,
			);
		}

		if (keys.every((key) => key.startsWith('alt-'))) {
			throw new KeyOverrideError(
				name,
				`"${name}" needs a key without Alt (Alt is unreliable over SSH)`,
			);
		}

		overrides[name] = [...new Set(keys)];
	}

	checkClashes(overrides);
	return overrides;
}

function checkClashes(overrides: Partial<Record<Command, string[]>>): void {
	const keysOf = (command: Command): readonly string[] =>
		overrides[command] ?? bindings[command].keys;
	for (const [command, keys] of Object.entries(overrides) as Array<[Command, string[]]>) {
		const {scope} = bindings[command];
		const near = neighbours(scope);
		const added = keys.filter(
			(key) => !(bindings[command].keys as readonly string[]).includes(key),
		);
		for (const key of added) {
			const other = commands.find(
				(candidate) =>
					candidate !== command &&
					near.has(bindings[candidate].scope) &&
					keysOf(candidate).includes(key),
			);
			if (other !== undefined) {
				throw new KeyOverrideError(
					command,
					`${describeKey(key)} for "${command}" is already the key of "${other}"; give "${other}" another key too`,
				);
			}
		}
	}
}
