import {chatReducer, type ChatAction, type ChatState} from '../../source/state/chat-state.js';

/** The state after the actions, in order. */
export function reduce(state: ChatState, ...actions: ChatAction[]): ChatState {
	let current = state;
	for (const action of actions) {
		current = chatReducer(current, action);
	}

	return current;
}
