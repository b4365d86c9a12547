/**
 * Where the room keeps its history and who is online. One process alone: memory and the data
 * file (MessageStore, Presence). Several processes: Redis, shared by all (redis-backend.ts).
 * The room awaits every call, so a store may answer at once or with a promise.
 */
import type {WireUser} from '../protocol/types.js';
import type {MessageDraft, MessagePage, ServerMessage} from './message-store.js';
import type {PresenceChange} from './presence.js';

type Awaitable<T> = T | Promise<T>;

export type HistoryStore = {
	/** Messages held, as `total` of GET /api/messages (with Redis: as this process last saw it). */
	readonly size: number;
	/** Stamps a draft with a new id and the time, and keeps it. */
	add(draft: MessageDraft): Awaitable<ServerMessage>;
	/** Offset 0 is the newest page; the page itself is oldest first. */
	page(limit: number, offset: number): Awaitable<MessagePage>;
	close(): Promise<void>;
};

/** Presence is kept per connection (socket id); the user list is what those connections say. */
export type PresenceStore = {
	join(socketId: string, user: WireUser): Awaitable<PresenceChange>;
	leave(socketId: string): Awaitable<PresenceChange>;
	/** Whom a connection of this process speaks for. */
	userOf(socketId: string): WireUser | undefined;
	/** Everyone online, in the order they came. */
	list(): Awaitable<WireUser[]>;
};

/** Presence shared by several processes, each of which may die without a word. */
export type SharedPresenceStore = PresenceStore & {
	/** Called with what changed when another process's connections expired (or ours came back). */
	onExpired(listener: (change: PresenceChange) => void): void;
	/** Takes this process's connections off the list (a clean shutdown): what changed. */
	leaveAll(): Promise<PresenceChange>;
};
