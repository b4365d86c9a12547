/** Keys as a terminal sends them, for the pty and the ink-testing-library tests alike. */
export const keys = {
	enter: '\r',
	tab: '\t',
	shiftTab: '\u001B[Z',
	escape: '\u001B',
	backspace: '\u007F',
	delete: '\u001B[3~',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlUp: '\u001B[1;5A',
	ctrlDown: '\u001B[1;5B',
	ctrlRight: '\u001B[1;5C',
	ctrlLeft: '\u001B[1;5D',
	f1: '\u001BOP',
	f2: '\u001BOQ',
	ctrlA: '\u0001',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	ctrlE: '\u0005',
	ctrlF: '\u0006',
	ctrlK: '\u000B',
	ctrlL: '\f',
	ctrlN: '\u000E',
	ctrlP: '\u0010',
	ctrlT: '\u0014',
	ctrlU: '\u0015',
	ctrlW: '\u0017',
} as const;

export function bracketedPaste(text: string): string {
	return `\u001B[200~${text}\u001B[201~`;
}
