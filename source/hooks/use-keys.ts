import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {createKeyDecoder, type Key} from '../keys/decode.js';

/**
 * Decoded keys, from Ink's stdin events: escape sequences by name (F1, Ctrl-↑, PgUp, ...) and
 * bracketed pastes as one key. The handler may change every render; the listener does not.
 */
export function useKeys(handler: (key: Key) => void, isActive = true): void {
	const {setRawMode, internal_eventEmitter: events} = useStdin();
	const latest = useRef(handler);
	latest.current = handler;

	useEffect(() => {
		if (!isActive) {
			return;
		}

		setRawMode(true);
		const decoder = createKeyDecoder();
		const onInput = (event: string) => {
			for (const key of decoder.push(event)) {
				latest.current(key);
			}
		};

		events.on('input', onInput);
		return () => {
			events.removeListener('input', onInput);
			setRawMode(false);
		};
	}, [isActive, setRawMode, events]);
}

/**
 * Raw mode for as long as the calling component lives. Ink ends raw mode when the last component
 * asking for it lets go, and when one pane gives way to another (the chat to "too small") their
 * effects run in two steps: without a holder above them a Ctrl-C typed between the two steps
 * would be a SIGINT.
 */
export function useRawMode(): void {
	const {setRawMode} = useStdin();
	useEffect(() => {
		setRawMode(true);
		return () => {
			setRawMode(false);
		};
	}, [setRawMode]);
}
