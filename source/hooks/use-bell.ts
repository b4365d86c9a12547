import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';

/** Bells rung at most for one batch of messages, however many mention the user. */
const maxRings = 3;

/**
 * Rings the terminal bell once for every new mention (`count` only grows), when `enabled`.
 * The bell goes straight to the terminal: BEL moves no cursor, so the frame stays as it is.
 */
export function useBell(count: number, enabled: boolean, ring?: () => void): void {
	const {stdout} = useStdout();
	const seen = useRef(count);
	useEffect(() => {
		const rings = Math.min(maxRings, count - seen.current);
		seen.current = count;
		if (!enabled || rings <= 0) {
			return;
		}

		for (let index = 0; index < rings; index++) {
			if (ring) {
				ring();
			} else {
				stdout.write('\u0007');
			}
		}
	}, [count, enabled, ring, stdout]);
}
