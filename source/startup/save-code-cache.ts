/*
The program (bin.ts) and the script it runs (the command line, dist/main.cjs) are bundled apart: the
program hands the chat's cache save over in the global symbol registry, and the chat calls it once
it is up, so that the cache holds the screen's code. See code-cache.ts.
*/

/** How long after start the chat saves the cache: it is up, joined and drawn by then. */
export const saveAfterMs = 2000;

const saver = Symbol.for('chat-tui.save-code-cache');

/** Offer the running script's cache to be saved (by the program that compiled it). */
export function offerCacheSave(save: () => void): void {
	(globalThis as Record<symbol, unknown>)[saver] = save;
}

/** Save the code cache `saveAfterMs` from now, if a program offered one (the built CLI does). */
export function saveCacheSoon(): void {
	const save = (globalThis as Record<symbol, unknown>)[saver];
	if (typeof save === 'function') {
		setTimeout(save as () => void, saveAfterMs).unref();
	}
}
