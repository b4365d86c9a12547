/**
 * Who is online. One entry per userId however many connections it has; the entry goes when its
 * last connection does. Every operation is O(1) apart from rebuilding the list, which is cached.
 */
import type {WireUser} from '../protocol/types.js';

export type PresenceChange = {
	/** Whether the user list (or count) differs from before. */
	changed: boolean;
	/** System notices to announce, in order. */
	notices: string[];
};

/** The system notices of presence, for every kind of store. */
export const presenceNotices = {
	joined: (username: string) => `${username} joined`,
	left: (username: string) => `${username} left`,
	renamed: (from: string, to: string) => `${from} is now known as ${to}`,
};

type Entry = {username: string; sockets: Set<string>};

export class Presence {
	readonly #userIdBySocket = new Map<string, string>();
	readonly #users = new Map<string, Entry>();
	#list: WireUser[] | undefined;

	get count(): number {
		return this.#users.size;
	}

	/** The online users in the order they first came, cached until the next change. */
	list(): WireUser[] {
		this.#list ??= Array.from(this.#users, ([userId, {username}]) => ({
			userId,
			username,
		}));
		return this.#list;
	}

	userOf(socketId: string): WireUser | undefined {
		const userId = this.#userIdBySocket.get(socketId);
		const entry = userId === undefined ? undefined : this.#users.get(userId);
		return entry && userId !== undefined ? {userId, username: entry.username} : undefined;
	}

	/**
	 * Records that a connection speaks for a user. A new userId is announced as joined; a known
	 * userId under another name is announced as renamed (the newest name wins for all its
	 * connections); a connection that switches to another userId leaves the old one first.
	 */
	join(socketId: string, user: WireUser): PresenceChange {
		const change: PresenceChange = {changed: false, notices: []};
		const previousUserId = this.#userIdBySocket.get(socketId);
		if (previousUserId !== undefined && previousUserId !== user.userId) {
			this.#merge(change, this.leave(socketId));
		}

		const entry = this.#users.get(user.userId);
		if (entry) {
			entry.sockets.add(socketId);
			if (entry.username !== user.username) {
				change.notices.push(presenceNotices.renamed(entry.username, user.username));
				entry.username = user.username;
				change.changed = true;
			}
		} else {
			this.#users.set(user.userId, {
				username: user.username,
				sockets: new Set([socketId]),
			});
			change.notices.push(presenceNotices.joined(user.username));
			change.changed = true;
		}

		this.#userIdBySocket.set(socketId, user.userId);
		if (change.changed) {
			this.#list = undefined;
		}

		return change;
	}

	/** Forgets a connection; its user leaves when this was their last one. */
	leave(socketId: string): PresenceChange {
		const userId = this.#userIdBySocket.get(socketId);
		if (userId === undefined) {
			return {changed: false, notices: []};
		}

		this.#userIdBySocket.delete(socketId);
		const entry = this.#users.get(userId);
		if (!entry) {
			return {changed: false, notices: []};
		}

		entry.sockets.delete(socketId);
		if (entry.sockets.size > 0) {
			return {changed: false, notices: []};
		}

		this.#users.delete(userId);
		this.#list = undefined;
		return {changed: true, notices: [presenceNotices.left(entry.username)]};
	}

	#merge(into: PresenceChange, from: PresenceChange): void {
		into.changed ||= from.changed;
		into.notices.push(...from.notices);
	}
}
