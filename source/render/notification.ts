import {sanitize} from '../protocol/sanitize.js';
import type {Message} from '../protocol/types.js';
import {mentions} from '../state/highlight.js';

/*
Desktop notifications through the terminal, pure: the bytes of OSC 777 `notify` (urxvt, foot,
Ghostty, WezTerm, VTE with a patch) and OSC 9 (iTerm2, Windows Terminal, kitty, WezTerm), which a
terminal in the background turns into a notification of the desktop. The title is the sender, the
body the message. Both are text from the network: sanitized again here, cut short, and with no ';'
(which would end the field) and no ESC, BEL or C1 control (which would end or break the sequence).
*/

/** Longest title and body, in characters. */
export const titleLength = 40;
export const bodyLength = 160;

/** One line of text that cannot break out of an OSC string: no controls, no ';'. */
export function notificationText(text: string, max: number): string {
	const clean = sanitize(text)
		.text.replaceAll(';', ',')
		.replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim();
	const characters = [...clean];
	return characters.length <= max ? clean : `${characters.slice(0, max - 1).join('')}…`;
}

/** OSC 777 `notify` then OSC 9, each ended by BEL. */
export function notificationBytes(title: string, body: string): string {
	const shownTitle = notificationText(title, titleLength);
	const shownBody = notificationText(body, bodyLength);
	return (
		`\u001B]777;notify;${shownTitle};${shownBody}\u0007` +
		`\u001B]9;${shownTitle}: ${shownBody}\u0007`
	);
}

/**
 * The newest `count` messages from others that mention `username` (at most), oldest first: the
 * ones a grown mention count stands for.
 */
export function newestMentions(
	messages: readonly Message[],
	me: {readonly userId: string; readonly username: string},
	count: number,
): Message[] {
	const found: Message[] = [];
	for (let index = messages.length - 1; index >= 0 && found.length < count; index--) {
		const message = messages[index]!;
		if (
			message.type === 'text' &&
			message.senderId !== me.userId &&
			mentions(message.content, me.username)
		) {
			found.unshift(message);
		}
	}

	return found;
}
