import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import {mayRing} from '../state/bell-limit.js';

/**
 * Rings the terminal bell for new mentions (`count` only grows), when `enabled`: once, and at
 * most once in any 5 s however many batches bring them (state/bell-limit.ts). The bell goes
 * straight to the terminal: BEL moves no cursor, so the frame stays as it is.
 */
export function useBell(
	count: number,
	enabled: boolean,
	ring?: () => void,
	now: () => number = Date.now,
): void {
	const {stdout} = useStdout();
	const seen = useRef(count);
	const lastRing = useRef<number | undefined>(undefined);
	useEffect(() => {
		const added = count - seen.current;
		seen.current = count;
		if (!enabled || added <= 0) {
			return;
		}

		const at = now();
		if (!mayRing(lastRing.current, at)) {
			return;
		}

		lastRing.current = at;
		if (ring) {
			ring();
		} else {
			stdout.write('\u0007');
		}
	}, [count, enabled, ring, stdout, now]);
}
