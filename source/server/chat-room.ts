/**
 * The one room: stores messages, tracks presence and tells every connected socket. Both the
 * socket handlers and the REST API go through it, so a message is handled the same either way.
 * With several processes (Redis), messages reach the others' sockets through message-relay.ts,
 * and a change of presence is announced to the other processes, each of which reads the list
 * afresh and sends it to its own sockets: the newest list always has the last word.
 */
import type {Server, Socket} from 'socket.io';
import type {WireUser} from '../protocol/types.js';
import type {MessageDraft, MessagePage, ServerMessage} from './message-store.js';
import {describeError} from './log-format.js';
import type {MessageRelay} from './message-relay.js';
import type {PresenceChange} from './presence.js';
import type {HistoryStore, PresenceStore, SharedPresenceStore} from './room-stores.js';

/** The server-side event by which a process tells the others that presence changed. */
const presenceChanged = 'chat-tui:presence-changed';

/**
 * The whole user list goes to everyone on each change (5,000 people: 300 KB to each of them).
 * Under a burst of joins and leaves it goes out at most about once a second per room: the first
 * change after a quiet spell goes out at once and the last change of a burst always goes out.
 */
function presenceIntervalMs(_userCount: number): number {
	return 1000;
}

export class ChatRoom {
	#presenceTimer: NodeJS.Timeout | undefined;
	#lastPresenceEmit = Number.NEGATIVE_INFINITY;
	#lastCount = 0;
	#closed = false;

	constructor(
		private readonly io: Server,
		private readonly store: HistoryStore,
		private readonly presence: PresenceStore | SharedPresenceStore,
		private readonly options: {
			/** Where failures of work nobody waits for are told (a store that went away). */
			readonly log: (line: string) => void;
			/** With several processes: how messages reach every process's sockets (message-relay.ts). */
			readonly relay?: MessageRelay;
		},
	) {
		if ('onExpired' in presence) {
			presence.onExpired((change) => {
				this.#unawaited('announcing who left', this.#apply(change));
			});
			io.on(presenceChanged, () => {
				this.#schedulePresence();
			});
		}
	}

	get messageCount(): number {
		return this.store.size;
	}

	async page(limit: number, offset: number): Promise<MessagePage> {
		return this.store.page(limit, offset);
	}

	userOf(socketId: string): WireUser | undefined {
		return this.presence.userOf(socketId);
	}

	async users(): Promise<WireUser[]> {
		return this.presence.list();
	}

	async postText(user: WireUser, content: string): Promise<ServerMessage> {
		return this.#publish({
			type: 'text',
			content,
			sender: user.username,
			senderId: user.userId,
		});
	}

	async postSystem(content: string): Promise<ServerMessage> {
		return this.#publish({type: 'system', content});
	}

	async join(socket: Socket, user: WireUser): Promise<PresenceChange> {
		const change = await this.presence.join(socket.id, user);
		await this.#apply(change);
		if (!change.changed) {
			// A second tab or a repeated join: nothing changed, but this socket needs the list.
			const users = await this.presence.list();
			socket.emit('userList', users);
			socket.emit('userCount', users.length);
		}

		return change;
	}

	async leave(socketId: string): Promise<PresenceChange> {
		const change = await this.presence.leave(socketId);
		if (!this.#closed) {
			await this.#apply(change);
		}

		return change;
	}

	/**
	 * With other processes on the same Redis, this process's users leave the shared list (and the
	 * others are told) before it stops; alone, there is nobody left to tell.
	 */
	async leaveAll(): Promise<void> {
		if ('leaveAll' in this.presence && !this.#closed) {
			await this.#apply(await this.presence.leaveAll());
		}
	}

	/** Stops announcing: used while the server shuts down. */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#presenceTimer);
		this.#presenceTimer = undefined;
	}

	async #publish(draft: MessageDraft): Promise<ServerMessage> {
		const message = await this.store.add(draft);
		if (this.options.relay) {
			this.options.relay.send(message);
		} else {
			this.io.emit('message', message);
		}

		return message;
	}

	async #apply(change: PresenceChange): Promise<void> {
		for (const notice of change.notices) {
			await this.postSystem(notice);
		}

		if (change.changed) {
			this.#schedulePresence();
			if ('onExpired' in this.presence && !this.#closed) {
				this.io.serverSideEmit(presenceChanged);
			}
		}
	}

	#schedulePresence(): void {
		if (this.#presenceTimer !== undefined || this.#closed) {
			return;
		}

		const wait = this.#lastPresenceEmit + presenceIntervalMs(this.#lastCount) - Date.now();
		if (wait <= 0) {
			this.#unawaited('sending the user list', this.#emitPresence());
			return;
		}

		this.#presenceTimer = setTimeout(() => {
			this.#presenceTimer = undefined;
			this.#unawaited('sending the user list', this.#emitPresence());
		}, wait);
	}

	#unawaited(what: string, work: Promise<void>): void {
		work.catch((error: unknown) => {
			this.options.log(
				`${new Date().toISOString()} error: ${what} failed (${describeError(error)})`,
			);
		});
	}

	/** The list as it is now, to this process's sockets (each process sends to its own). */
	async #emitPresence(): Promise<void> {
		this.#lastPresenceEmit = Date.now();
		const users = await this.presence.list();
		this.#lastCount = users.length;
		if (!this.#closed) {
			this.io.local.emit('userList', users);
			this.io.local.emit('userCount', users.length);
		}
	}
}
