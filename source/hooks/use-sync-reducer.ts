import {useCallback, useRef, useState} from 'react';

/**
 * useReducer whose state can be read at once after a dispatch (`read`), before React renders:
 * one input event may carry several keys (Tab then text), and each must see the state the one
 * before it left.
 */
export function useSyncReducer<State, Action>(
	reducer: (state: State, action: Action) => State,
	initial: () => State,
): [State, (action: Action) => void, () => State] {
	const [state, setState] = useState(initial);
	const latest = useRef(state);
	const dispatch = useCallback(
		(action: Action) => {
			const next = reducer(latest.current, action);
			if (next !== latest.current) {
				latest.current = next;
				setState(next);
			}
		},
		[reducer],
	);
	const read = useCallback(() => latest.current, []);
	return [state, dispatch, read];
}
