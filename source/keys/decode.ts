import {sanitize} from '../protocol/sanitize.js';

/*
Terminal input to key names, pure. Ink's input parser hands us one event per escape sequence and
one per run of plain text; this turns each into keys a keymap can route. Focus reports (CSI I,
CSI O) are consumed here and read by hooks/use-terminal-focus.ts. Bracketed paste
(ESC [200~ ... ESC [201~) arrives as one `paste` key, never as typed Enter presses.
*/

export type KeyName =
	| 'enter'
	| 'tab'
	| 'shift-tab'
	| 'escape'
	| 'backspace'
	| 'delete'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'page-up'
	| 'page-down'
	| 'ctrl-up'
	| 'ctrl-down'
	| 'ctrl-left'
	| 'ctrl-right'
	| 'f1'
	| 'f2'
	| `ctrl-${string}`
	| `alt-${string}`;

export type Key =
	| {readonly kind: 'key'; readonly name: KeyName}
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'paste'; readonly text: string};

const sequences: Record<string, KeyName> = {
	'\u001B[A': 'up',
	'\u001B[B': 'down',
	'\u001B[C': 'right',
	'\u001B[D': 'left',
	'\u001BOA': 'up',
	'\u001BOB': 'down',
	'\u001BOC': 'right',
	'\u001BOD': 'left',
	'\u001B[H': 'home',
	'\u001B[F': 'end',
	'\u001BOH': 'home',
	'\u001BOF': 'end',
	'\u001B[1~': 'home',
	'\u001B[4~': 'end',
	'\u001B[7~': 'home',
	'\u001B[8~': 'end',
	'\u001B[3~': 'delete',
	'\u001B[5~': 'page-up',
	'\u001B[6~': 'page-down',
	'\u001B[Z': 'shift-tab',
	'\u001B[1;5A': 'ctrl-up',
	'\u001B[1;5B': 'ctrl-down',
	'\u001B[1;5C': 'ctrl-right',
	'\u001B[1;5D': 'ctrl-left',
	'\u001BOa': 'ctrl-up',
	'\u001BOb': 'ctrl-down',
	'\u001BOP': 'f1',
	'\u001B[11~': 'f1',
	'\u001B[[A': 'f1',
	'\u001BOQ': 'f2',
	'\u001B[12~': 'f2',
	'\u001B[[B': 'f2',
	'\u001B': 'escape',
	'\u001B\u001B': 'escape',
};

const pasteStart = '\u001B[200~';

/**
 * The terminal's focus reports (turned on with CSI ?1004h, see terminal.ts): CSI I when it gains
 * the focus, CSI O when it loses it. True, false, or undefined for any other input.
 */
export function focusReport(event: string): boolean | undefined {
	return event === '\u001B[I' ? true : event === '\u001B[O' ? false : undefined;
}

const pasteEnd = '\u001B[201~';

function controlKey(character: string): Key | undefined {
	const code = character.codePointAt(0)!;
	switch (code) {
		case 0x0d:
		case 0x0a: {
			return {kind: 'key', name: 'enter'};
		}

		case 0x09: {
			return {kind: 'key', name: 'tab'};
		}

		case 0x7f:
		case 0x08: {
			return {kind: 'key', name: 'backspace'};
		}

		case 0x00: {
			return {kind: 'key', name: 'ctrl-space'};
		}

		default: {
			if (code < 0x20) {
				return {kind: 'key', name: `ctrl-${String.fromCodePoint(code + 0x60)}`};
			}

			return undefined;
		}
	}
}

/** Split a run of plain input into text runs and control keys. */
function decodeText(text: string): Key[] {
	const keys: Key[] = [];
	let run = '';
	for (const character of text) {
		const key = controlKey(character);
		if (key) {
			if (run) {
				keys.push({kind: 'text', text: run});
				run = '';
			}

			keys.push(key);
		} else {
			run += character;
		}
	}

	if (run) {
		keys.push({kind: 'text', text: run});
	}

	return keys;
}

export type KeyDecoder = {
	/** One input event from Ink: an escape sequence, or a run of plain text. */
	push(event: string): Key[];
};

export function createKeyDecoder(): KeyDecoder {
	let paste: string | undefined;
	return {
		push(event) {
			// Focus reports are no keys (hooks/use-terminal-focus.ts reads them): never typed, not
			// even into a paste they arrive in the middle of.
			if (focusReport(event) !== undefined) {
				return [];
			}

			if (paste !== undefined) {
				const end = event.indexOf(pasteEnd);
				if (end === -1) {
					paste += event;
					return [];
				}

				// Pasted text goes into the input line and onto the screen: no escape sequence or
				// control character may come with it (CR and CRLF become newlines, a tab spaces).
				const {text} = sanitize(paste + event.slice(0, end), {multiline: true});
				paste = undefined;
				return [{kind: 'paste', text}, ...this.push(event.slice(end + pasteEnd.length))];
			}

			if (event.length === 0) {
				return [];
			}

			if (event.startsWith(pasteStart)) {
				paste = '';
				return this.push(event.slice(pasteStart.length));
			}

			const known = sequences[event];
			if (known) {
				return [{kind: 'key', name: known}];
			}

			if (event.startsWith('\u001B')) {
				// Alt-x arrives as ESC x; other unknown sequences are dropped, never typed.
				const rest = event.slice(1);
				return rest.length === 1 && rest >= ' ' ? [{kind: 'key', name: `alt-${rest}`}] : [];
			}

			return decodeText(event);
		},
	};
}
