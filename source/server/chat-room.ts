/**
 * The one room: stores messages, tracks presence and tells every connected socket. Both the
 * socket handlers and the REST API go through it, so a message is handled the same either way.
 */
import type {Server, Socket} from 'socket.io';
import type {WireUser} from '../protocol/types.js';
import type {MessagePage, MessageStore, ServerMessage} from './message-store.js';
import {Presence, type PresenceChange, type PresenceWords} from './presence.js';

/**
 * The whole user list goes to everyone on each change, so its cost grows with the square of the
 * users online. Under a burst of joins it goes out at most once per interval, an interval that
 * grows with the list (50 ms alone, 250 ms at 200 users, at most 1 s). The first change after a
 * quiet spell goes out at once and the last change of a burst always goes out.
 */
function presenceIntervalMs(userCount: number): number {
	return Math.min(50 + userCount, 1000);
}

export class ChatRoom {
	readonly presence: Presence;
	#presenceTimer: NodeJS.Timeout | undefined;
	#lastPresenceEmit = Number.NEGATIVE_INFINITY;
	#closed = false;

	constructor(
		private readonly io: Server,
		private readonly store: MessageStore,
		words?: PresenceWords,
	) {
		this.presence = new Presence(words);
	}

	get messageCount(): number {
		return this.store.size;
	}

	page(limit: number, offset: number): MessagePage {
		return this.store.page(limit, offset);
	}

	postText(user: WireUser, content: string): ServerMessage {
		return this.#publish({
			type: 'text',
			content,
			sender: user.username,
			senderId: user.userId,
		});
	}

	postSystem(content: string): ServerMessage {
		return this.#publish({type: 'system', content});
	}

	join(socket: Socket, user: WireUser): PresenceChange {
		const change = this.presence.join(socket.id, user);
		this.#apply(change);
		if (!change.changed) {
			// A second tab or a repeated join: nothing changed, but this socket needs the list.
			socket.emit('userList', this.presence.list());
			socket.emit('userCount', this.presence.count);
		}

		return change;
	}

	leave(socketId: string): PresenceChange {
		const change = this.presence.leave(socketId);
		if (!this.#closed) {
			this.#apply(change);
		}

		return change;
	}

	/** Stops announcing: used while the server shuts down. */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#presenceTimer);
		this.#presenceTimer = undefined;
	}

	#publish(draft: Parameters<MessageStore['add']>[0]): ServerMessage {
		const message = this.store.add(draft);
		this.io.emit('message', message);
		return message;
	}

	#apply(change: PresenceChange): void {
		for (const notice of change.notices) {
			this.postSystem(notice);
		}

		if (change.changed) {
			this.#schedulePresence();
		}
	}

	#schedulePresence(): void {
		if (this.#presenceTimer !== undefined || this.#closed) {
			return;
		}

		const wait = this.#lastPresenceEmit + presenceIntervalMs(this.presence.count) - Date.now();
		if (wait <= 0) {
			this.#emitPresence();
			return;
		}

		this.#presenceTimer = setTimeout(() => {
			this.#presenceTimer = undefined;
			this.#emitPresence();
		}, wait);
	}

	#emitPresence(): void {
		this.#lastPresenceEmit = Date.now();
		this.io.emit('userList', this.presence.list());
		this.io.emit('userCount', this.presence.count);
	}
}
