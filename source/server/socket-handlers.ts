/**
 * The socket.io side of the protocol: `join`, `message` and `ping` from clients.
 * Refusals are logged, the first of each kind per connection at once and the rest as counts when
 * the connection ends. The protocol has no error event: a line over the length limit is answered
 * with a `system` message to its sender alone (docs/PROTOCOL.md); other refusals are silent.
 * A connection's events are handled one after another, so `pong` comes after everything sent
 * before the `ping` has been handled, whatever the room waits for.
 */
import type {Server, Socket} from 'socket.io';
import type {ChatRoom} from './chat-room.js';
import {describeError, describeUser} from './log-format.js';
import {RateLimiter} from './rate-limiter.js';
import {checkTextPayload, checkUser, maxContentLength} from './validation.js';

/** What the sender of a line over the limit sees (sent to that socket alone, never stored). */
export const tooLongNotice = `Not sent: a message may have at most ${maxContentLength} characters.`;

export type SocketHandlerOptions = {
	rateLimit: {messages: number; perMs: number};
	log: (line: string) => void;
};

type Refusal = 'invalid join' | 'not joined' | 'invalid message' | 'rate limited';

export function attachSocketHandlers(
	io: Server,
	room: ChatRoom,
	options: SocketHandlerOptions,
): void {
	io.on('connection', (socket: Socket) => {
		handleSocket(socket, room, options);
	});
}

const stamp = () => new Date().toISOString();

/**
 * One connection's bookkeeping: its events handled one after another, and its refusals, the
 * first of each kind logged at once and all of them counted for the disconnect's line.
 */
function connectionLog(socket: Socket, room: ChatRoom, log: (line: string) => void) {
	const refusals = new Map<Refusal, number>();
	const who = () => {
		const user = room.userOf(socket.id);
		return user ? ` ${describeUser(user)}` : '';
	};

	let queue = Promise.resolve();
	return {
		who,
		refuse(kind: Refusal, detail: string) {
			const count = (refusals.get(kind) ?? 0) + 1;
			refusals.set(kind, count);
			if (count === 1) {
				log(
					`${stamp()} error: socket=${socket.id}${who()} ${kind}: ${detail} (further ones counted at disconnect)`,
				);
			}
		},
		inOrder(event: string, handle: () => Promise<void> | void) {
			queue = queue.then(handle).catch((error: unknown) => {
				log(
					`${stamp()} error: socket=${socket.id}${who()} ${event} failed (${describeError(error)})`,
				);
			});
		},
		/** ` refused: rate-limited=3 …`, or nothing. */
		refused() {
			const counts = Array.from(
				refusals,
				([kind, count]) => `${kind.replaceAll(' ', '-')}=${count}`,
			);
			return counts.length > 0 ? ` refused: ${counts.join(' ')}` : '';
		},
	};
}

function handleSocket(socket: Socket, room: ChatRoom, {rateLimit, log}: SocketHandlerOptions) {
	const limiter = new RateLimiter(rateLimit.messages, rateLimit.perMs);
	const {who, refuse, inOrder, refused} = connectionLog(socket, room, log);
	log(`${stamp()} connect socket=${socket.id} address=${socket.handshake.address}`);

	socket.on('join', (payload: unknown) => {
		inOrder('join', async () => {
			const checked = checkUser(payload);
			if (!checked.ok) {
				refuse('invalid join', checked.error);
				return;
			}

			await room.join(socket, checked.value);
		});
	});

	socket.on('message', (payload: unknown) => {
		inOrder('message', async () => {
			const user = room.userOf(socket.id);
			if (!user) {
				refuse('not joined', 'message ignored');
				return;
			}

			if (!limiter.tryTake()) {
				refuse(
					'rate limited',
					`over ${rateLimit.messages} messages per ${rateLimit.perMs} ms, message dropped`,
				);
				return;
			}

			const checked = checkTextPayload(payload);
			if (!checked.ok) {
				refuse('invalid message', checked.error);
				if (checked.tooLong) {
					socket.emit('message', {
						type: 'system',
						content: tooLongNotice,
						time: new Date().toISOString(),
					});
				}

				return;
			}

			await room.postText(user, checked.value);
		});
	});

	socket.on('ping', () => {
		inOrder('ping', () => {
			socket.emit('pong');
		});
	});

	socket.on('disconnect', (reason: string) => {
		const user = who();
		inOrder('leave', async () => {
			await room.leave(socket.id);
		});
		log(
			`${stamp()} disconnect socket=${socket.id}${user} reason=${JSON.stringify(reason)}${refused()}`,
		);
	});
}
