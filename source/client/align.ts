import type {Message} from '../protocol/types.js';

/*
Aligning two runs of the server's log, by content. Pure.

Two messages are the same message when their type, sender and content agree, and, when both carry
an id, their ids agree too. Time takes no part: it is for display, and a server's clock and
resolution are its own. An id alone proves nothing (a server's counter may start again), and
two equal messages are still two: alignment counts them, position by position.
*/

const senderOf = (message: Message) => message.senderId ?? message.sender ?? '';

export function sameMessage(a: Message, b: Message): boolean {
	return (
		a.content === b.content &&
		a.type === b.type &&
		senderOf(a) === senderOf(b) &&
		(a.id === undefined || b.id === undefined || a.id === b.id)
	);
}

/** Whether `held[from + i]` is the same as `run[at + i]` for every i where both exist. */
function agrees(
	held: readonly Message[],
	from: number,
	to: number,
	run: readonly Message[],
	at: number,
): boolean {
	const start = Math.max(0, -at);
	const end = Math.min(to - from, run.length - at);
	for (let i = start; i < end; i++) {
		if (!sameMessage(held[from + i]!, run[at + i]!)) {
			return false;
		}
	}

	return true;
}

/** Where `held[..end)` ends in `run`, and how many messages of the two agree there. */
export type Meeting = {readonly at: number; readonly overlap: number};

/**
 * Where what is held, up to `end`, ends inside a newer run: the index in `run` just past the
 * newest held message, at most `max`. Both are runs of the server's log, so where they overlap
 * they agree in full; of the places where they do, the one with the longest overlap (the run may
 * reach back past the start of what is held), the later on a tie. At 0, they do not meet.
 */
export function meetingPoint(
	held: readonly Message[],
	end: number,
	run: readonly Message[],
	max: number,
): Meeting {
	let best: Meeting = {at: 0, overlap: 0};
	for (let at = Math.min(max, run.length); at > 0; at--) {
		const overlap = Math.min(at, end);
		if (overlap > best.overlap && agrees(held, end - overlap, end, run, at - overlap)) {
			best = {at, overlap};
		}
	}

	return best;
}

/** The longest j such that `run`'s last j messages are the first j of `held`. */
export function overlapAtStart(held: readonly Message[], run: readonly Message[]): number {
	for (let j = Math.min(held.length, run.length); j > 0; j--) {
		if (agrees(held, 0, j, run, run.length - j)) {
			return j;
		}
	}

	return 0;
}

/** Whether every pair that overlaps at `at` carries an id, and so the ids confirm it. */
function confirmedByIds(
	held: readonly Message[],
	from: number,
	length: number,
	run: readonly Message[],
	at: number,
): boolean {
	for (let i = Math.max(0, -at); i < Math.min(length, run.length - at); i++) {
		if (held[from + i]!.id === undefined || run[at + i]!.id === undefined) {
			return false;
		}
	}

	return true;
}

/**
 * Where the chain `held[from..to)` (the live messages of this connection, then page messages not
 * yet seen live: one contiguous run of the server's log) sits in `run`, the newest page: the index
 * in `run` of the chain's first message, run.length when the chain is newer than the whole run.
 *
 * The page was asked for after the connection was made, so it holds what came before the chain,
 * and may end inside the chain: the chain starts inside the run, or after it, and only starts
 * before it when the run lies wholly inside the chain. A server's socket events written before its
 * answer are taken to arrive before it, so the run does not end past the `seenLive` messages.
 * Of the placements that agree, an overlap is taken only where ids confirm it: without ids, a line
 * equal to the page's last could as well be a new one, and a message shown twice is better than
 * one lost.
 */
export function placeChain(
	held: readonly Message[],
	from: number,
	to: number,
	seenLive: number,
	run: readonly Message[],
): number {
	const length = to - from;
	const k = run.length;
	for (let at = Math.max(0, k - seenLive); at < k; at++) {
		if (agrees(held, from, to, run, at) && confirmedByIds(held, from, length, run, at)) {
			return at;
		}
	}

	// The run may lie wholly inside a long chain.
	const lowest = k === 0 ? 0 : k - length;
	for (let at = lowest; at < 0; at++) {
		if (agrees(held, from, to, run, at) && confirmedByIds(held, from, length, run, at)) {
			return at;
		}
	}

	return k;
}

/** Whether `run` appears in `held` as it is, starting at `at`. */
export const holdsRunAt = (held: readonly Message[], at: number, run: readonly Message[]) =>
	at + run.length <= held.length && agrees(held, at, at + run.length, run, 0);

/** Whether `run` appears in `held` as it is, in one piece. */
export function holdsRun(held: readonly Message[], run: readonly Message[]): boolean {
	if (run.length === 0) {
		return true;
	}

	for (let at = 0; at + run.length <= held.length; at++) {
		if (agrees(held, at, at + run.length, run, 0)) {
			return true;
		}
	}

	return false;
}
