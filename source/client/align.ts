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

/**
 * The longest j ≤ max such that the j messages of `held` that end at `end` are `run`'s first j:
 * how far a newer run overlaps the end of what is held.
 */
export function overlapAtEnd(
	held: readonly Message[],
	end: number,
	run: readonly Message[],
	max: number,
): number {
	for (let j = Math.min(max, end, run.length); j > 0; j--) {
		if (agrees(held, end - j, end, run, 0)) {
			return j;
		}
	}

	return 0;
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

/**
 * Where the chain `held[from..to)` (live messages, then page messages not yet seen live: one
 * contiguous run of the server's log) sits in `run`, the newest page: the index in `run` of the
 * chain's first message, from -(chain length) (the run lies inside the chain) to run.length (the
 * chain is newer than the whole run).
 *
 * Of the placements that agree, the one that overlaps the run most; among those, the one whose
 * `seenLive` messages end where the run ends (the live stream and the page are level), then the
 * nearest to it, the earlier first.
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
	const level = k - seenLive;
	let best = k;
	let bestOverlap = 0;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (let at = 1 - length; at <= k; at++) {
		const overlap = Math.min(k, at + length) - Math.max(0, at);
		if (overlap <= 0 || overlap < bestOverlap) {
			continue;
		}

		const distance = Math.abs(at - level);
		if (overlap === bestOverlap && distance >= bestDistance) {
			continue;
		}

		if (agrees(held, from, to, run, at)) {
			best = at;
			bestOverlap = overlap;
			bestDistance = distance;
		}
	}

	return best;
}

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
