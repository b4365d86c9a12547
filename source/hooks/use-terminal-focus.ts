import {useStdin} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {focusReport} from '../state/keys.js';

/**
 * Whether the terminal has the focus, from its focus reports (CSI I / CSI O, turned on by
 * terminal.ts). True until a report says otherwise: a terminal that does not report focus is
 * taken to be in front of the user all the time.
 */
export function useTerminalFocus(): boolean {
	const {internal_eventEmitter: events} = useStdin();
	const [focused, setFocused] = useState(true);
	useEffect(() => {
		const onInput = (event: string) => {
			const report = focusReport(event);
			if (report !== undefined) {
				setFocused(report);
			}
		};

		events.on('input', onInput);
		return () => {
			events.removeListener('input', onInput);
		};
	}, [events]);
	return focused;
}

/** Live messages that came since the terminal lost the focus; 0 while it has it. */
export function useAwayCount(focused: boolean, liveCount: number): number {
	// The count when the focus went, noted in the render that first sees it gone.
	const leftAt = useRef<number | undefined>(undefined);
	if (focused) {
		leftAt.current = undefined;
	} else {
		leftAt.current ??= liveCount;
	}

	return focused ? 0 : liveCount - leftAt.current!;
}
