import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import {newestMentions, notificationBytes} from '../render/notification.js';
import type {ChatState} from '../state/chat-state.js';

/** Notifications raised at most for one batch of messages, however many mention the user. */
const maxNotifications = 3;

export type NotifyOptions = {
	readonly state: ChatState;
	/** The terminal has the focus: a mention is highlighted in the log, and that is all. */
	readonly focused: boolean;
	/** `"notify": false` in the config turns them off. */
	readonly enabled: boolean;
	/** Where the bytes go; default: straight to the terminal, as the bell. */
	readonly write?: (bytes: string) => void;
};

/**
 * A desktop notification (OSC 777 and OSC 9, see notification.ts) for each new mention of the
 * user while the terminal is in the background. The sequences move no cursor, so the frame
 * stays as it is.
 */
export function useNotify({state, focused, enabled, write}: NotifyOptions): void {
	const {stdout} = useStdout();
	const seen = useRef(state.mentionCount);
	const {mentionCount, messages, stash, me} = state;
	useEffect(() => {
		const fresh = Math.min(maxNotifications, mentionCount - seen.current);
		seen.current = mentionCount;
		if (!enabled || focused || fresh <= 0) {
			return;
		}

		const all = stash.length > 0 ? [...messages, ...stash] : messages;
		for (const message of newestMentions(all, me, fresh)) {
			const bytes = notificationBytes(message.sender ?? message.senderId ?? '', message.content);
			if (write) {
				write(bytes);
			} else {
				stdout.write(bytes);
			}
		}
	}, [mentionCount, messages, stash, me, focused, enabled, write, stdout]);
}
