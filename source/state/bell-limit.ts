/*
How often the bell may ring. A burst of mentions (sixty in three seconds, across as many
batches) rings it once: the highlights show every mention, the bell only calls the user over.
Pure, so that anything that rings (mentions, and later other alerts) can share one rule.
*/

/** At most one bell in any window this long. */
export const bellIntervalMs = 5000;

/** Whether a bell may ring at `now`, given when the last one rang (undefined: never). */
export function mayRing(
	lastRing: number | undefined,
	now: number,
	intervalMs: number = bellIntervalMs,
): boolean {
	return lastRing === undefined || now - lastRing >= intervalMs || now < lastRing;
}
