import {useStdin} from 'ink';
import {useEffect, useState} from 'react';
import {focusReport} from '../keys/decode.js';

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
