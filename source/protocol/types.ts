/**
 * The shapes of the chat service, as PROTOCOL.md describes them.
 *
 * `SafeText` marks a string that went through `sanitizeText`: it holds no escape sequence, no
 * control character and no bidirectional override, so it can go to the terminal as it is.
 * Only the protocol layer creates it; everything past the wire sees only `SafeText`.
 */
export type SafeText = string & {readonly __safeText: true};

export type User = {
	readonly userId: SafeText;
	readonly username: SafeText;
};

export type MessageType = 'text' | 'system';

export type Message = {
	/** The server's id, when it sends one. Clients must not need it. */
	readonly id?: SafeText;
	readonly type: MessageType;
	readonly content: SafeText;
	/** Milliseconds since the epoch, parsed from the wire's ISO-8601 `time`. */
	readonly time: number;
	/** Sub-millisecond digits of `time`, in microseconds (0-999), to keep order between close messages. */
	readonly timeMicros: number;
	readonly sender?: SafeText;
	readonly senderId?: SafeText;
	/** How many characters of the content were cut off because it was too long. */
	readonly truncatedChars?: number;
};

/** What the wire sends: the raw, untrusted form of a message. */
export type WireMessage = {
	type: MessageType;
	content: string;
	time: string;
	sender?: string;
	senderId?: string;
	id?: string;
};

export type WireUser = {userId: string; username: string};

export type UsersPage = {
	readonly count: number;
	readonly users: readonly User[];
	/** How many entries of the answer were dropped as malformed or over the list cap. */
	readonly dropped: number;
};

export type MessagesPage = {
	readonly total: number;
	readonly messages: readonly Message[];
	readonly dropped: number;
};

export type ParseResult<T> =
	{readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

/** Limits on what the client accepts from a server. */
export const limits = {
	/** Characters of one message's content kept; the rest is cut and counted. */
	contentLength: 8000,
	/** Characters of a username or a user id. */
	nameLength: 64,
	idLength: 128,
	/** Entries of a message page. */
	listLength: 5000,
	/** Entries of a user list: a big room, and then some (5,000 people and you). */
	userListLength: 20_000,
} as const;
