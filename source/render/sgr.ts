/*
Text attributes (SGR) as one canonical string per state, so two cells look the same exactly when
their keys are equal. The key is the SGR parameter list that sets the state from a reset: '' is
the default, '1;31' is bold red. A hyperlink (OSC 8) is an attribute too: its parameters and URI
follow the SGR part after a NUL, `4;34\0;https://example.com`, so a cell keeps its link through
the diff and a rewritten run opens and closes it again. Ink's frames carry SGR sequences (chalk)
and whatever links the app put in; text from the network has none (the sanitizer removes them).
*/

/** Between a key's SGR part and its link (OSC 8 parameters `;` URI). */
const linkMark = '\0';

const splitKey = (key: string): [string, string] => {
	const at = key.indexOf(linkMark);
	return at === -1 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
};

/** The SGR part and the link of a cell's key. */
export const splitLink = splitKey;

const joinKey = (sgr: string, link: string) => (link === '' ? sgr : `${sgr}${linkMark}${link}`);

/**
 * The state with this OSC 8 link (its parameters, `;`, the URI: what goes between `ESC ] 8 ;` and
 * the terminator); a link with no URI ends the link.
 */
export function withLink(key: string, link: string): string {
	const [sgr] = splitKey(key);
	return joinKey(sgr, link.slice(link.indexOf(';') + 1) === '' ? '' : link);
}

type Attributes = {
	flags: Set<number>;
	fg: string;
	bg: string;
};

/** Attribute flags by their "on" parameter, with the parameter that turns each off. */
const offParameter = new Map<number, number[]>([
	[22, [1, 2]],
	[23, [3]],
	[24, [4]],
	[25, [5]],
	[27, [7]],
	[28, [8]],
	[29, [9]],
	[55, [53]],
]);
const flagParameters = new Set([1, 2, 3, 4, 5, 7, 8, 9, 53]);

function decode(key: string): Attributes {
	const attributes: Attributes = {flags: new Set(), fg: '', bg: ''};
	if (key !== '') {
		apply(attributes, key);
	}

	return attributes;
}

function encode({flags, fg, bg}: Attributes): string {
	const parts: string[] = [...flags].sort((a, b) => a - b).map(String);
	if (fg !== '') {
		parts.push(fg);
	}

	if (bg !== '') {
		parts.push(bg);
	}

	return parts.join(';');
}

/** An extended colour (`38;5;n` or `38;2;r;g;b`) starting at `index`: its text and length. */
function extendedColor(parameters: string[], index: number): [string, number] {
	const kind = parameters[index + 1];
	const length = kind === '5' ? 3 : kind === '2' ? 5 : 2;
	return [parameters.slice(index, index + length).join(';'), length];
}

const isForeground = (value: number) =>
	(value >= 30 && value <= 37) || (value >= 90 && value <= 97);
const isBackground = (value: number) =>
	(value >= 40 && value <= 47) || (value >= 100 && value <= 107);

/** Apply one parameter (and what it takes with it); returns how many parameters it used. */
function applyOne(attributes: Attributes, parameters: string[], index: number): number {
	// An empty parameter means 0.
	const value = Number(parameters[index] === '' ? '0' : parameters[index]);
	if (value === 0) {
		attributes.flags.clear();
		attributes.fg = '';
		attributes.bg = '';
	} else if (flagParameters.has(value)) {
		attributes.flags.add(value);
	} else if (offParameter.has(value)) {
		for (const flag of offParameter.get(value)!) {
			attributes.flags.delete(flag);
		}
	} else if (isForeground(value) || value === 39) {
		attributes.fg = value === 39 ? '' : String(value);
	} else if (isBackground(value) || value === 49) {
		attributes.bg = value === 49 ? '' : String(value);
	} else if (value === 38 || value === 48) {
		const [color, length] = extendedColor(parameters, index);
		attributes[value === 38 ? 'fg' : 'bg'] = color;
		return length;
	}

	return 1;
}

function apply(attributes: Attributes, parameterText: string): void {
	const parameters = parameterText === '' ? ['0'] : parameterText.split(/[;:]/);
	let index = 0;
	while (index < parameters.length) {
		index += applyOne(attributes, parameters, index);
	}
}

const transitions = new Map<string, string>();

/** The state after the SGR sequence with these parameters (the text between `ESC [` and `m`). */
export function applySgr(key: string, parameterText: string): string {
	if (key.includes(linkMark)) {
		// SGR leaves a link as it is.
		const [sgr, link] = splitKey(key);
		return joinKey(applySgr(sgr, parameterText), link);
	}

	const memo = `${key}|${parameterText}`;
	let next = transitions.get(memo);
	if (next === undefined) {
		const attributes = decode(key);
		apply(attributes, parameterText);
		next = encode(attributes);
		transitions.set(memo, next);
	}

	return next;
}

/** The parameters that change `from` into `to` without a reset. */
function changes(from: Attributes, to: Attributes): string {
	const parts: string[] = [];
	const kept = new Set(from.flags);
	for (const [off, flags] of offParameter) {
		if (flags.some((flag) => kept.has(flag) && !to.flags.has(flag))) {
			parts.push(String(off));
			for (const flag of flags) {
				kept.delete(flag);
			}
		}
	}

	for (const flag of [...to.flags].sort((a, b) => a - b)) {
		if (!kept.has(flag)) {
			parts.push(String(flag));
		}
	}

	if (from.fg !== to.fg) {
		parts.push(to.fg === '' ? '39' : to.fg);
	}

	if (from.bg !== to.bg) {
		parts.push(to.bg === '' ? '49' : to.bg);
	}

	return parts.join(';');
}

/** Whether cells erased (EL) under this state come out default: no background, inverse or link. */
export function erasesPlain(key: string): boolean {
	if (key === '') {
		return true;
	}

	if (key.includes(linkMark)) {
		return false;
	}

	const {flags, bg} = decode(key);
	return bg === '' && !flags.has(7);
}

const sequences = new Map<string, string>();

/**
 * The sequence that takes the terminal's pen from one state to another: the changes alone, or a
 * reset and the new state, whichever is shorter.
 */
export function sgrTransition(from: string, to: string): string {
	if (from === to) {
		return '';
	}

	if (from.includes(linkMark) || to.includes(linkMark)) {
		const [fromSgr, fromLink] = splitKey(from);
		const [toSgr, toLink] = splitKey(to);
		const link = fromLink === toLink ? '' : `\u001B]8;${toLink === '' ? ';' : toLink}\u001B\\`;
		return sgrTransition(fromSgr, toSgr) + link;
	}

	if (to === '') {
		return '\u001B[m';
	}

	if (from === '') {
		return `\u001B[${to}m`;
	}

	const memo = `${from}>${to}`;
	let sequence = sequences.get(memo);
	if (sequence === undefined) {
		const delta = changes(decode(from), decode(to));
		sequence = `\u001B[${delta.length < to.length + 2 ? delta : `0;${to}`}m`;
		if (sequences.size < 10_000) {
			sequences.set(memo, sequence);
		}
	}

	return sequence;
}
