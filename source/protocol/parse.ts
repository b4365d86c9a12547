import {sanitize, sanitizeText} from './sanitize.js';
import {
	limits,
	type Message,
	type MessagesPage,
	type ParseResult,
	type SafeText,
	type User,
	type UsersPage,
} from './types.js';

/*
Every payload from the network passes through here: unknown in, a typed value or a typed error
out, never a throw. Accept what PROTOCOL.md says varies (no id, microseconds or an offset in
`time`, system messages with no sender, extra fields, numbers sent as numeric strings); reject
what cannot be shown (non-string content) and cap what is absurdly large.
*/

type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const ok = <T>(value: T): ParseResult<T> => ({ok: true, value});
const fail = <T>(error: string): ParseResult<T> => ({ok: false, error});

function describe(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A count: a non-negative integer, or a string of digits. */
export function parseCount(value: unknown): ParseResult<number> {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
		return ok(value);
	}

	if (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value)) {
		return ok(Number(value));
	}

	return fail(`expected a count, got ${describe(value)}`);
}

/** An identifier: a string, or a number the server chose to send as one. */
function parseId(value: unknown): SafeText | undefined {
	const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof raw !== 'string') {
		return undefined;
	}

	// An id made only of controls or escape sequences is no id.
	const id = sanitizeText(raw, limits.idLength).trim();
	return id.length > 0 ? (id as SafeText) : undefined;
}

/** The last date a clock shows sensibly (Date's own range ends in the year 275760). */
const latestTime = Date.UTC(9999, 11, 31);

const isoTime =
	/^(\d{4}(?:-\d{2}){2})[t ](\d{2}(?::\d{2}){1,2})(?:[.,](\d+))?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type ParsedTime = {readonly time: number; readonly timeMicros: number};

/**
 * ISO-8601 with any number of fraction digits, `Z`, an offset or neither (taken as UTC, as
 * Python's `isoformat()` of a naive UTC time is). Epoch numbers are accepted too (seconds or ms).
 */
export function parseTime(value: unknown): ParsedTime | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		// Epoch numbers by size: seconds (before 2001-09-09 in ms), ms, microseconds, nanoseconds.
		const scale = value < 1e12 ? 1000 : value < 1e14 ? 1 : value < 1e17 ? 1e-3 : 1e-6;
		const time = Math.round(value * scale);
		return time <= latestTime ? {time, timeMicros: 0} : undefined;
	}

	if (typeof value !== 'string' || value.length > 64) {
		return undefined;
	}

	const match = isoTime.exec(value.trim());
	if (!match) {
		return undefined;
	}

	const [, date, clock, fraction = '', zone = 'Z'] = match;
	let offset = zone.toUpperCase();
	if (offset !== 'Z' && !offset.includes(':')) {
		offset = offset.length === 3 ? `${offset}:00` : `${offset.slice(0, 3)}:${offset.slice(3)}`;
	}

	const milliseconds = fraction.padEnd(3, '0').slice(0, 3);
	// Date.parse wants seconds whenever a fraction follows: `12:00` is `12:00:00`.
	const seconds = clock?.length === 5 ? ':00' : '';
	const time = Date.parse(`${date}T${clock}${seconds}.${milliseconds}${offset}`);
	if (Number.isNaN(time)) {
		return undefined;
	}

	return {time, timeMicros: Number(fraction.padEnd(6, '0').slice(3, 6))};
}

export type ParseMessageOptions = {
	/** The time to use when a message carries none or an unreadable one. */
	readonly now?: () => number;
};

export function parseMessage(
	value: unknown,
	options: ParseMessageOptions = {},
): ParseResult<Message> {
	if (!isRecord(value)) {
		return fail(`message: expected an object, got ${describe(value)}`);
	}

	if (typeof value.content !== 'string') {
		return fail(`message: content must be a string, got ${describe(value.content)}`);
	}

	const type = value.type === 'system' ? 'system' : 'text';
	const content = sanitize(value.content, {multiline: true, maxLength: limits.contentLength});
	const parsedTime = parseTime(value.time) ?? {time: (options.now ?? Date.now)(), timeMicros: 0};
	const sender =
		typeof value.sender === 'string' ? sanitizeText(value.sender, limits.nameLength) : undefined;
	const senderId = parseId(value.senderId);
	const id = parseId(value.id ?? value._id);

	const message: Message = {
		type,
		content: content.text,
		...parsedTime,
		...(id === undefined ? {} : {id}),
		...(sender === undefined ? {} : {sender}),
		...(senderId === undefined ? {} : {senderId}),
		...(content.cut > 0 ? {truncatedChars: content.cut} : {}),
	};
	return ok(message);
}

export function parseUser(value: unknown): ParseResult<User> {
	if (!isRecord(value)) {
		return fail(`user: expected an object, got ${describe(value)}`);
	}

	const userId = parseId(value.userId);
	if (userId === undefined) {
		return fail('user: userId missing');
	}

	// Sanitize first: a name made only of escape sequences is no name, and the id stands in.
	const name =
		typeof value.username === 'string'
			? sanitizeText(value.username, limits.nameLength).trim()
			: '';
	const username = name.length > 0 ? (name as SafeText) : userId;
	return ok({userId, username});
}

export type UserList = {readonly users: readonly User[]; readonly dropped: number};

/**
 * A list of users: malformed entries and entries past the cap are dropped and counted; a repeated
 * userId and name is kept once.
 */
export function parseUserList(value: unknown): ParseResult<UserList> {
	if (!Array.isArray(value)) {
		return fail(`user list: expected an array, got ${describe(value)}`);
	}

	const users: User[] = [];
	const seen = new Set<string>();
	let dropped = Math.max(0, value.length - limits.userListLength);
	for (const entry of value.slice(0, limits.userListLength)) {
		const user = parseUser(entry);
		// One account may be online under two names (two sessions): an entry is a userId and a name.
		const key = user.ok ? `${user.value.userId}\u0000${user.value.username}` : '';
		if (user.ok && !seen.has(key)) {
			seen.add(key);
			users.push(user.value);
		} else if (!user.ok) {
			dropped++;
		}
	}

	return ok({users, dropped});
}

export type MessageList = {readonly messages: readonly Message[]; readonly dropped: number};

export function parseMessageList(
	value: unknown,
	options?: ParseMessageOptions,
): ParseResult<MessageList> {
	if (!Array.isArray(value)) {
		return fail(`messages: expected an array, got ${describe(value)}`);
	}

	const messages: Message[] = [];
	let dropped = Math.max(0, value.length - limits.listLength);
	for (const entry of value.slice(0, limits.listLength)) {
		const message = parseMessage(entry, options);
		if (message.ok) {
			messages.push(message.value);
		} else {
			dropped++;
		}
	}

	return ok({messages, dropped});
}

/** `GET /api/users`: `{count, users}`. A missing count is the list's length. */
export function parseUsersPage(value: unknown): ParseResult<UsersPage> {
	if (!isRecord(value)) {
		return fail(`users answer: expected an object, got ${describe(value)}`);
	}

	const list = parseUserList(value.users);
	if (!list.ok) {
		return fail(`users answer: ${list.error}`);
	}

	const count = parseCount(value.count);
	return ok({count: count.ok ? count.value : list.value.users.length, ...list.value});
}

/** `GET /api/messages`: `{total, messages}`. A missing total is the page's length. */
export function parseMessagesPage(
	value: unknown,
	options?: ParseMessageOptions,
): ParseResult<MessagesPage> {
	if (!isRecord(value)) {
		return fail(`messages answer: expected an object, got ${describe(value)}`);
	}

	const list = parseMessageList(value.messages, options);
	if (!list.ok) {
		return fail(`messages answer: ${list.error}`);
	}

	const total = parseCount(value.total);
	return ok({total: total.ok ? total.value : list.value.messages.length, ...list.value});
}

/** The error text of a server's error answer: `{error}`, `{message}`, or plain text, one line. */
export function parseErrorText(body: string): SafeText {
	let text = body;
	try {
		const json: unknown = JSON.parse(body);
		if (isRecord(json)) {
			const candidate = json.error ?? json.message;
			if (typeof candidate === 'string') {
				text = candidate;
			} else if (isRecord(candidate) && typeof candidate.message === 'string') {
				text = candidate.message;
			}
		}
	} catch {
		// Not JSON: an HTML page says little, so keep its text short. Only its start is read, and
		// tags are matched without backtracking over other tags: linear, whatever the body.
		text = body
			.slice(0, 4096)
			.replaceAll(/<[^<>]*>/g, ' ')
			.replaceAll(/\s+/g, ' ')
			.trim();
	}

	return sanitizeText(text, 200);
}
