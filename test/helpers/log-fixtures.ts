import {defaultDisplay} from '../../source/look/display.js';
import {labelsFor} from '../../source/look/i18n.js';
import type {Message} from '../../source/protocol/types.js';
import type {Notice, PendingLine} from '../../source/state/chat-state.js';
import type {DisplayLine, FormatContext} from '../../source/state/log-lines.js';
import {addLive, emptyTimeline, type StoredMessage} from '../../source/client/timeline.js';
import {safe} from './messages.js';

// Local time, so clock and date formatting do not depend on the machine's time zone.
export const local = (day: number, hour: number, minute: number) =>
	new Date(2024, 2, day, hour, minute).getTime();

export type Fields = {
	content?: string;
	time: number;
	sender?: string;
	senderId?: string;
	type?: 'system';
};
export const stored = (...list: Fields[]): StoredMessage[] => {
	const messages = list.map(
		({content = 'hello', time, sender = 'alice', senderId = 'u-alice', type}): Message =>
			type === 'system'
				? {type, content: safe(content), time, timeMicros: 0}
				: {
						type: 'text',
						content: safe(content),
						time,
						timeMicros: 0,
						sender: safe(sender),
						senderId: safe(senderId),
					},
	);
	// Keyed by what they hold, so that two lists made apart share the keys of the messages they
	// share, as one timeline's lists do.
	return addLive(emptyTimeline, messages).timeline.messages.map((each) => ({
		...each,
		key: `${each.content}@${each.time}`,
	}));
};

export const notice = (
	id: number,
	time: number,
	text: string,
	level: Notice['level'] = 'info',
	after?: string,
): Notice => ({
	id,
	time,
	level,
	text: safe(text),
	...(after === undefined ? {} : {after}),
});
export const pending = (localId: number, content: string, createdAt: number): PendingLine => ({
	localId,
	content: safe(content),
	createdAt,
	status: 'sending',
});

export const context: FormatContext = {
	userId: 'u-me',
	username: 'me-name',
	labels: labelsFor('en'),
	showTime: true,
	...defaultDisplay,
};
export const zhContext: FormatContext = {...context, labels: labelsFor('zh')};

export const textOf = (line: DisplayLine) => line.segments.map((segment) => segment.text).join('');
