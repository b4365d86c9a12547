/**
 * Who is online. Sessions are keyed by connection: each connection is its own presence, shown
 * as one entry per distinct userId and name (two tabs under the same name are one entry; one
 * account open as "alicia" and as "logger" is two). A join never renames another connection:
 * "is now known as" is said only when a connection joins again under a new name and no other
 * connection still holds the old one. Every operation is O(1) apart from rebuilding the list,
 * which is cached.
 */
import type {WireUser} from '../protocol/types.js';

export type PresenceChange = {
	/** Whether the user list (or count) differs from before. */
	changed: boolean;
	/** System notices to announce, in order. */
	notices: string[];
};

/** The words of the notices, so that `serve --lang` can choose them. */
export type PresenceWords = {
	joined: (name: string) => string;
	left: (name: string) => string;
	renamed: (from: string, to: string) => string;
};

export const englishPresenceWords: PresenceWords = {
	joined: (name) => `${name} joined`,
	left: (name) => `${name} left`,
	renamed: (from, to) => `${from} is now known as ${to}`,
};

type Entry = {user: WireUser; sockets: Set<string>};

const keyOf = (user: WireUser) => `${user.userId}\u0000${user.username}`;

export class Presence {
	readonly #keyBySocket = new Map<string, string>();
	readonly #entries = new Map<string, Entry>();
	#list: WireUser[] | undefined;

	constructor(private readonly words: PresenceWords = englishPresenceWords) {}

	get count(): number {
		return this.#entries.size;
	}

	/** The online users in the order they first came, cached until the next change. */
	list(): WireUser[] {
		this.#list ??= Array.from(this.#entries.values(), ({user}) => ({...user}));
		return this.#list;
	}

	/** The user a connection speaks for, under the name that connection joined with. */
	userOf(socketId: string): WireUser | undefined {
		const key = this.#keyBySocket.get(socketId);
		const entry = key === undefined ? undefined : this.#entries.get(key);
		return entry ? {...entry.user} : undefined;
	}

	/**
	 * Records that a connection speaks for a user. A new entry is announced as joined; the same
	 * connection under a new name of the same userId is announced as renamed when its old entry
	 * goes (otherwise as a join); a second connection under a name already online is silent.
	 */
	join(socketId: string, user: WireUser): PresenceChange {
		const key = keyOf(user);
		const previousKey = this.#keyBySocket.get(socketId);
		if (previousKey === key) {
			return {changed: false, notices: []};
		}

		const previous = previousKey === undefined ? undefined : this.#entries.get(previousKey);
		if (previous?.user.userId === user.userId) {
			return this.#rename(socketId, previous, user);
		}

		const change: PresenceChange = previous ? this.leave(socketId) : {changed: false, notices: []};
		const entry = this.#entries.get(key);
		if (entry) {
			entry.sockets.add(socketId);
		} else {
			this.#entries.set(key, {user: {...user}, sockets: new Set([socketId])});
			change.notices.push(this.words.joined(user.username));
			change.changed = true;
			this.#list = undefined;
		}

		this.#keyBySocket.set(socketId, key);
		return change;
	}

	/** Forgets a connection; its entry leaves when this was the last connection under it. */
	leave(socketId: string): PresenceChange {
		const key = this.#keyBySocket.get(socketId);
		const entry = key === undefined ? undefined : this.#entries.get(key);
		this.#keyBySocket.delete(socketId);
		if (!entry || key === undefined) {
			return {changed: false, notices: []};
		}

		entry.sockets.delete(socketId);
		if (entry.sockets.size > 0) {
			return {changed: false, notices: []};
		}

		this.#entries.delete(key);
		this.#list = undefined;
		return {changed: true, notices: [this.words.left(entry.user.username)]};
	}

	/** The same connection, the same userId, a new name: the entry keeps its place in the list. */
	#rename(socketId: string, previous: Entry, user: WireUser): PresenceChange {
		const key = keyOf(user);
		const previousKey = keyOf(previous.user);
		previous.sockets.delete(socketId);
		const target = this.#entries.get(key);
		const alone = previous.sockets.size === 0;
		if (target) {
			target.sockets.add(socketId);
			if (alone) {
				this.#entries.delete(previousKey);
			}
		} else if (alone) {
			this.#rekey(previousKey, key, {user: {...user}, sockets: new Set([socketId])});
		} else {
			this.#entries.set(key, {user: {...user}, sockets: new Set([socketId])});
		}

		this.#keyBySocket.set(socketId, key);
		this.#list = undefined;
		const notice = alone
			? this.words.renamed(previous.user.username, user.username)
			: this.words.joined(user.username);
		const silent = target !== undefined && !alone;
		return {changed: !silent, notices: silent ? [] : [notice]};
	}

	/** Replaces an entry in place (a rename is rare, so rebuilding the map is fine). */
	#rekey(oldKey: string, newKey: string, entry: Entry): void {
		const entries = [...this.#entries];
		this.#entries.clear();
		for (const [key, value] of entries) {
			if (key === oldKey) {
				this.#entries.set(newKey, entry);
			} else {
				this.#entries.set(key, value);
			}
		}
	}
}
