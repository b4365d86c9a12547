import {formatCount, labelsFor, tooLongText, type Lang} from '../look/i18n.js';
import {defaultMaxLength, overLimit} from '../protocol/content-limit.js';
import type {Message, User} from '../protocol/types.js';
import {actionText} from '../state/log-lines.js';

/*
Messages as lines of text, for line mode and the one-shot commands: `[HH:MM:SS] name: text`, a
system notice as `[HH:MM:SS] -!- system: text` (as the full-screen log marks it), a `/me`
action as `[HH:MM:SS] * name action`, and a
`--- YYYY-MM-DD ---` line before the first message and whenever the day changes. Continuation
lines of a multi-line message are indented, so no line of content can pass for a message line.
Every string here was sanitized by the protocol parser.
*/

const two = (value: number) => String(value).padStart(2, '0');

/** Local `HH:MM:SS`. */
export function clockOf(time: number): string {
	const date = new Date(time);
	return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Local `YYYY-MM-DD`. */
export function dayOf(time: number): string {
	const date = new Date(time);
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

const indent = ' '.repeat('[00:00:00] '.length);

export function formatMessage(message: Message, lang: Lang): string {
	const labels = labelsFor(lang);
	const who =
		message.type === 'system'
			? `-!- ${labels.system}`
			: // A name that starts like a system notice is quoted, so it cannot pass for one.
				quoteIfMarker(message.sender ?? labels.unknownSender);
	// A `/me waves` line reads as in the chat: `* alice waves`.
	const action = message.type === 'text' ? actionText(message.content) : undefined;
	const [first = '', ...rest] = (action ?? message.content).split('\n');
	const head = action === undefined ? `${who}: ${first}` : `* ${who} ${first}`;
	return [`[${clockOf(message.time)}] ${head}`, ...rest.map((line) => indent + line)].join('\n');
}

function quoteIfMarker(name: string): string {
	return name.startsWith('-!-') ? JSON.stringify(name) : name;
}

/** Formats messages in order, with a day line whenever the day changes. */
export function createLineFormatter(lang: Lang): (message: Message) => string {
	let lastDay: string | undefined;
	return (message) => {
		const day = dayOf(message.time);
		const dayLine = day === lastDay ? '' : `--- ${day} ---\n`;
		lastDay = day;
		return dayLine + formatMessage(message, lang);
	};
}

/** A message as JSON: the parsed fields, with `time` as an ISO-8601 string. */
export function messageJson(message: Message): Record<string, unknown> {
	return {
		...(message.id === undefined ? {} : {id: message.id}),
		type: message.type,
		time: new Date(message.time).toISOString(),
		...(message.sender === undefined ? {} : {sender: message.sender}),
		...(message.senderId === undefined ? {} : {senderId: message.senderId}),
		content: message.content,
		...(message.truncatedChars ? {truncatedChars: message.truncatedChars} : {}),
	};
}

export const userJson = (user: User) => ({userId: user.userId, username: user.username});

/** Line mode's error for a stdin line too long to send, naming its number; else undefined. */
export function longLineError(
	line: string,
	lineNumber: number,
	maxLength = defaultMaxLength,
	lang: Lang = 'en',
): string | undefined {
	const tooLong = overLimit(line, maxLength);
	return tooLong
		? tooLongText(labelsFor(lang).lineTooLong, tooLong, lang, {line: formatCount(lineNumber, lang)})
		: undefined;
}
