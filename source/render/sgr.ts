/*
Text attributes (SGR) as one canonical string per state, so two cells look the same exactly when
their keys are equal. The key is the SGR parameter list that sets the state from a reset: '' is
the default, '1;31' is bold red. Ink's frames only carry SGR sequences (chalk), and chat-tui's
own text has none (the sanitizer removes them on the way in).
*/

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

/*
A cell in a link (OSC 8, made by chat-tui from a message's URL, see state/links.ts) carries it as
one more attribute: after a NUL, the link's parameters and URI as OSC 8 writes them
(`id=ct1x;https://example.com`). Two cells look the same exactly when their keys are equal still,
and a link cut by a wrap is one link on both rows because its id and URI are the same.
*/
const linkMark = '\u0000';

/** A cell's key: the SGR state, and the link (`params;uri`, '' for none). */
export function withLink(sgr: string, link: string): string {
	return link === '' ? sgr : `${sgr}${linkMark}${link}`;
}

/** The SGR state and the link of a cell's key. */
export function splitLink(key: string): [sgr: string, link: string] {
	const at = key.indexOf(linkMark);
	return at === -1 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** OSC 8 to a link, or out of any ('' ). */
const linkSequence = (link: string) => `\u001B]8;${link === '' ? ';' : link}\u001B\\`;

/** The sequence that takes the terminal's pen from one state (and link) to another. */
export function sgrTransition(from: string, to: string): string {
	if (from === to) {
		return '';
	}

	if (from.includes(linkMark) || to.includes(linkMark)) {
		const [fromSgr, fromLink] = splitLink(from);
		const [toSgr, toLink] = splitLink(to);
		return (fromLink === toLink ? '' : linkSequence(toLink)) + sgrTransition(fromSgr, toSgr);
	}

	if (to === '') {
		return '\u001B[m';
	}

	return from === '' ? `\u001B[${to}m` : `\u001B[0;${to}m`;
}
