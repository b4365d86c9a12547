/**
 * The one room: stores messages, tracks presence and tells every connected socket. Both the
 * socket handlers and the REST API go through it, so a message is handled the same either way.
 */
import type {Server, Socket} from 'socket.io';
import type {WireUser} from '../protocol/types.js';
import type {MessagePage, MessageStore, ServerMessage} from './message-store.js';
import {BroadcastThrottle} from './broadcast-throttle.js';
import {Presence, type PresenceChange} from './presence.js';

export class ChatRoom {
	readonly presence = new Presence();
	/** userList and userCount, at most about once a second for a burst of joins and leaves. */
	readonly #presenceBroadcast = new BroadcastThrottle(() => {
		this.io.emit('userList', this.presence.list());
		this.io.emit('userCount', this.presence.count);
	});

	#closed = false;

	constructor(
		private readonly io: Server,
		private readonly store: MessageStore,
	) {}

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
		this.#presenceBroadcast.close();
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
			this.#presenceBroadcast.changed();
		}
	}
}
