/**
 * How a message reaches the sockets of every process on one Redis, without loss across an outage.
 * Redis's publish/subscribe delivers at most once: a message published while another process's
 * subscriber is still reconnecting never reaches that process. So each process gives messages to
 * its own sockets itself, remembers the ids it gave, and when its subscriber is back it reads the
 * newest history and gives what it missed, once.
 */
import type {Server} from 'socket.io';
import type {ServerMessage} from './message-store.js';
import type {HistoryStore} from './room-stores.js';

/** The server-side event that carries a message stored by one process to the others. */
const relayed = 'chat-tui:message';
/** How many messages are remembered as given, and how far back a catch-up looks. */
const remembered = 2000;

/**
 * One message, told apart from any other: the Redis counter starts again when Redis loses its
 * data, so an id alone may come back; with the time to the millisecond and the text it does not.
 */
function keyOf(message: ServerMessage): string {
	return `${message.id}\u0001${message.time}\u0001${message.content}`;
}

export class MessageRelay {
	readonly #given = new Set<string>();
	/** The newest message when this process started: what is older was never its to give. */
	#startedAfter: string | undefined;

	constructor(
		private readonly io: Server,
		private readonly store: HistoryStore,
	) {
		io.on(relayed, (message: ServerMessage) => {
			this.#give(message);
		});
	}

	/** Learns where history stands, so that a catch-up never gives what came before this process. */
	async start(): Promise<void> {
		const {messages} = await this.store.page(1, 0);
		const newest = messages.at(-1);
		this.#startedAfter = newest && keyOf(newest);
	}

	/** A message this process stored: to its own sockets, and to the other processes. */
	send(message: ServerMessage): void {
		this.#give(message);
		this.io.serverSideEmit(relayed, message);
	}

	/**
	 * After an outage: the messages of the newest history that came after this process started and
	 * were not given, in the history's order. If the start is no longer there (trimmed, or Redis
	 * lost its data), all of the newest history came after it.
	 */
	async catchUp(): Promise<number> {
		const {messages} = await this.store.page(remembered - 100, 0);
		const keys = messages.map((message) => keyOf(message));
		const start = keys.lastIndexOf(this.#startedAfter ?? '');
		let given = 0;
		for (const message of messages.slice(start + 1)) {
			if (this.#give(message)) {
				given++;
			}
		}

		return given;
	}

	#give(message: ServerMessage): boolean {
		const key = keyOf(message);
		if (this.#given.has(key)) {
			return false;
		}

		this.#given.add(key);
		if (this.#given.size > remembered) {
			// A Set iterates in insertion order: the first is the oldest given.
			this.#given.delete(this.#given.values().next().value!);
		}

		this.io.local.emit('message', message);
		return true;
	}
}
