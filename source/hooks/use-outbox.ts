import {useEffect, useRef, type Dispatch} from 'react';
import {loadOutbox, saveOutbox} from '../outbox-store.js';
import type {ChatAction} from '../state/chat-state.js';
import type {Outbox} from '../state/outbox.js';

/** A sent line with no echo after this long is marked failed (a key retries it). */
export const echoTimeoutMs = 10_000;

/**
 * The offline queue's IO: restore it from disk at start, write it back on every change (so a
 * crash loses nothing), and mark lines failed when their echo does not come in time.
 * `restored` resolves once the saved lines are in the state.
 */
export function useOutbox(
	file: string | undefined,
	pending: Outbox,
	dispatch: Dispatch<ChatAction>,
): {readonly restored: Promise<void>} {
	const restored = useRef<Promise<void> | undefined>(undefined);
	const loaded = useRef(false);
	restored.current ??= (async () => {
		const lines = file ? await loadOutbox(file) : [];
		loaded.current = true;
		if (lines.length > 0) {
			dispatch({type: 'outbox-restored', lines});
		}
	})();

	// Written on every change; never before the saved lines were read back.
	useEffect(() => {
		if (!file || !loaded.current) {
			return;
		}

		saveOutbox(
			file,
			pending.map(({content, createdAt}) => ({content, createdAt})),
		).catch(() => {
			// A full disk must not stop the chat; the lines are still in memory.
		});
	}, [file, pending]);

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
