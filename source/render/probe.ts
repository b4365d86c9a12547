import {
	clusterKinds,
	probes,
	unicodeWidths,
	type ClusterKind,
	type LearnedWidths,
} from '../text/cluster-widths.js';

/*
Asking the terminal how it measures the clusters terminals disagree on (text/cluster-widths.ts),
once, at start-up: in the alternate screen, before the first frame, where nobody sees the probes.
Each probe is written at the top-left corner and followed by a cursor position request (CSI 6 n);
the column in the answer is the probe's width. tmux answers from its own grid, so inside tmux this
learns tmux's widths, the ones that count there. First comes DECRQM for mode 2027 (grapheme
clusters): a terminal that has it is switched to it, and then measures as Unicode says.
Terminals answer in order; one that does not answer in time leaves the kinds it did not answer
unlearned. Late answers reach the key decoder, which drops escape sequences it does not know.
*/

const order = [...clusterKinds, 'cjk'] as const;

export const graphemeMode = {ask: '\u001B[?2027$p', set: '\u001B[?2027h', reset: '\u001B[?2027l'};

/** What to write: the mode question, each probe with its position request, then a clear screen. */
export function probeSequence(): string {
	const each = order.map((kind) => `\u001B[H${probes[kind]}\u001B[6n`).join('');
	return `${graphemeMode.ask}${each}\u001B[H\u001B[2J`;
}

export type Replies = {
	/** DECRQM's answer for mode 2027: 0 not known, 1 set, 2 reset, 3 always set, 4 always reset. */
	readonly mode?: number;
	/** The columns (1-based) of the position reports, in order. */
	readonly columns: readonly number[];
	/** Everything else that came in: keys typed meanwhile, to be handed on. */
	readonly rest: string;
	/** A reply cut off at the end, to be completed by the next input. */
	readonly partial: string;
};

const reply = /\u001B\[(?:\?2027;(\d)\$y|(\d+);(\d+)R)/g;

const unfinished = /\u001B(?:\[(?:\?[\d;$]*|[\d;]*))?$/;

/** The replies in what the terminal sent, and what else came with them. */
export function parseReplies(input: string): Replies {
	let mode: number | undefined;
	const columns: number[] = [];
	const rest = input.replaceAll(reply, (_match, state?: string, _row?: string, column?: string) => {
		if (state === undefined) {
			columns.push(Number(column));
		} else {
			mode = Number(state);
		}

		return '';
	});
	const partial = unfinished.exec(rest)?.[0] ?? '';
	return {mode, columns, rest: rest.slice(0, rest.length - partial.length), partial};
}

/** Whether every probe was answered (then nothing more is waited for). */
export const complete = (replies: Replies) => replies.columns.length >= order.length;

/**
 * What the replies teach: each kind's width; none when the CJK check came out wrong (the terminal
 * is not measuring in cells as we know them); Unicode's for every kind under mode 2027.
 */
export function widthsFrom(replies: Replies): LearnedWidths {
	if (replies.mode === 1 || replies.mode === 2 || replies.mode === 3) {
		return {...unicodeWidths};
	}

	const widths = replies.columns.map((column) => column - 1);
	if (widths.length === order.length && widths.at(-1) !== 2) {
		return {};
	}

	const learned: Partial<Record<ClusterKind, number>> = {};
	for (const [index, kind] of clusterKinds.entries()) {
		const width = widths[index];
		if (width !== undefined && width >= 1 && width <= 8) {
			learned[kind] = width;
		}
	}

	return learned;
}

type Input = Pick<NodeJS.ReadStream, 'on' | 'off' | 'read' | 'unshift' | 'setEncoding'>;
type Output = Pick<NodeJS.WriteStream, 'write'>;

export type ProbeResult = {readonly widths: LearnedWidths; readonly mode?: number};

/**
 * Ask the terminal, waiting at most `timeoutMs`. Keys typed meanwhile are put back for the UI.
 * Under mode 2027 reset (2), the mode is switched on; the caller switches it off at the end.
 */
export async function probeTerminal(
	input: Input,
	output: Output,
	timeoutMs: number,
): Promise<ProbeResult> {
	let received = '';
	const replies = await new Promise<Replies>((resolve) => {
		const finish = () => {
			clearTimeout(timer);
			input.off('readable', read);
			resolve(parseReplies(received));
		};

		const read = () => {
			// Strings: the encoding is set below.
			for (let chunk: unknown = input.read(); typeof chunk === 'string'; chunk = input.read()) {
				received += chunk;
			}

			if (complete(parseReplies(received))) {
				finish();
			}
		};

		const timer = setTimeout(finish, timeoutMs);
		input.setEncoding('utf8');
		input.on('readable', read);
		output.write(probeSequence());
	});
	const typed = replies.rest + replies.partial;
	if (typed !== '') {
		input.unshift(typed);
	}

	if (replies.mode === 2) {
		output.write(graphemeMode.set);
	}

	return {widths: widthsFrom(replies), mode: replies.mode};
}
