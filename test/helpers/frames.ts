import {performance} from 'node:perf_hooks';

/** One turn of the event loop: lets stdin events, React renders and timers that are due run. */
export const nextTick = async () =>
	new Promise<void>((resolve) => {
		setImmediate(resolve);
	});

/**
 * Resolve with the first frame that satisfies `predicate`, polling `lastFrame()` once per
 * event-loop turn; reject after `timeoutMs` with the last frame in the message. Uses
 * `performance.now()`, so tests that fake `Date.now` do not stop the clock here.
 */
export async function waitForFrame(
	lastFrame: () => string | undefined,
	predicate: (frame: string) => boolean,
	timeoutMs = 5000,
): Promise<string> {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (predicate(frame)) {
			return frame;
		}

		if (performance.now() > deadline) {
			throw new Error(`No matching frame within ${timeoutMs} ms; last frame:\n${frame}`);
		}

		await nextTick();
	}
}

/** The frame's lines with trailing spaces removed (Ink pads boxes with spaces). */
export const frameLines = (frame: string) => frame.split('\n').map((line) => line.trimEnd());

/** Resolve once `predicate()` holds, polling once per event-loop turn; reject after `timeoutMs`. */
export async function waitFor(
	predicate: () => boolean,
	label: string,
	timeoutMs = 5000,
): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!predicate()) {
		if (performance.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
		}

		await nextTick();
	}
}
