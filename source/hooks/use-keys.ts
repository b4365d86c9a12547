import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {createKeyDecoder, type Key} from '../state/keys.js';

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
