import type {ChatState} from '../state/chat-state.js';
import {useBell} from './use-bell.js';
import {useNotify} from './use-notify.js';

export type MentionAlertState = {
	/** The terminal has the focus (no notification then). */
	readonly focused: boolean;
	/** The bell is on (`/bell`). */
	readonly bell: boolean;
};

export type MentionAlertOptions = {
	/** Ring the bell; default: BEL to the terminal. */
	readonly onBell?: () => void;
	/** The clock the bell's rate limit reads; default Date.now. */
	readonly now?: () => number;
	/** Whether a mention raises a desktop notification in the background; default on. */
	readonly notify?: boolean;
	/** Write a notification's bytes; default: to the terminal. */
	readonly onNotify?: (bytes: string) => void;
};

/** What a new mention of the user does besides its highlight: the bell, and in the background a notification. */
export function useMentionAlerts(
	state: ChatState,
	{focused, bell}: MentionAlertState,
	options: MentionAlertOptions,
): void {
	useBell(state.mentionCount, bell, options.onBell, options.now);
	useNotify({
		state,
		focused,
		enabled: options.notify ?? true,
		write: options.onNotify,
	});
}
