import type {Message, SafeText} from '../../source/protocol/types.js';

/** Test data is trusted: mark it as sanitized text. */
export const safe = (text: string) => text as SafeText;

/** 2024-01-01 12:00:00 UTC, the base time of most fixtures. */
export const baseTime = Date.UTC(2024, 0, 1, 12, 0, 0);

export type MessageFields = {
	id?: string;
	type?: Message['type'];
	content?: string;
	/** Milliseconds after `baseTime`. */
	at?: number;
	micros?: number;
	sender?: string;
	senderId?: string;
};

/** A text message from alice at `baseTime + at` unless told otherwise. */
export function message(fields: MessageFields = {}): Message {
	const {id, type = 'text', content = 'hello', at = 0, micros = 0} = fields;
	const sender = 'sender' in fields ? fields.sender : 'alice';
	const senderId = 'senderId' in fields ? fields.senderId : 'u-alice';
	return {
		type,
		content: safe(content),
		time: baseTime + at,
		timeMicros: micros,
		...(id === undefined ? {} : {id: safe(id)}),
		...(sender === undefined ? {} : {sender: safe(sender)}),
		...(senderId === undefined ? {} : {senderId: safe(senderId)}),
	};
}
