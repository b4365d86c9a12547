import {useEffect, useRef, type Dispatch} from 'react';
import {loadOutbox, saveOutbox} from '../client/outbox-store.js';
import type {ChatAction} from '../state/chat-state.js';
import type {Outbox} from '../state/outbox.js';

/** A sent line with no echo after this long is marked failed (a key retries it). */
export const echoTimeoutMs = 10_000;

/**
 * The offline queue's IO: restore it from disk at start, write it back on every change (so a
 * crash loses nothing), and mark lines failed when their echo does not come in time.
 * `restored` resolves once the saved lines are in the state. `outboxFile` names the file; it is
 * asked once the first frame is drawn, since naming it takes node:crypto, which takes milliseconds
 * to load.
 */
export function useOutbox(
	outboxFile: (() => string) | undefined,
	pending: Outbox,
	dispatch: Dispatch<ChatAction>,
): {readonly restored: Promise<void>} {
	const restored = useRef<Promise<void> | undefined>(undefined);
	const file = useRef<string | undefined>(undefined);
	restored.current ??= (async () => {
		// The first frame is drawn within the render that starts this.
		await Promise.resolve();
		const name = outboxFile?.();
		const lines = name ? await loadOutbox(name) : [];
		// Saved from now on: what was saved is read back.
		file.current = name;
		if (lines.length > 0) {
			dispatch({type: 'outbox-restored', lines});
		}
	})();

	// Written on every change; never before the saved lines were read back.
	useEffect(() => {
		if (!file.current) {
			return;
		}

		saveOutbox(
			file.current,
			pending.map(({content, createdAt}) => ({content, createdAt})),
		).catch(() => {
			// A full disk must not stop the chat; the lines are still in memory.
		});
	}, [pending]);

	const waiting = pending.some((line) => line.status === 'sending');
	useEffect(() => {
		if (!waiting) {
			return;
		}

		const timer = setInterval(() => {
			dispatch({type: 'sends-expired', now: Date.now(), timeoutMs: echoTimeoutMs});
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [waiting, dispatch]);

	return {restored: restored.current};
}
