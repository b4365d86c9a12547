/**
 * The socket.io side of the protocol: `join`, `message` and `ping` from clients.
 * Refusals are silent on the wire (the protocol has no error event) and logged, the first of each
 * kind per connection at once and the rest as counts when the connection ends.
 */
import type {Server, Socket} from 'socket.io';
import type {ChatRoom} from './chat-room.js';
import {describeUser} from './log-format.js';
import {RateLimiter} from './rate-limiter.js';
import {checkTextPayload, checkUser} from './validation.js';

export type SocketHandlerOptions = {
	rateLimit: {messages: number; perMs: number};
	log: (line: string) => void;
};

type Refusal = 'invalid join' | 'not joined' | 'invalid message' | 'rate limited';

export function attachSocketHandlers(
	io: Server,
	room: ChatRoom,
	{rateLimit, log}: SocketHandlerOptions,
): void {
	const stamp = () => new Date().toISOString();

	io.on('connection', (socket: Socket) => {
		const limiter = new RateLimiter(rateLimit.messages, rateLimit.perMs);
		const refusals = new Map<Refusal, number>();
		const who = () => {
			const user = room.presence.userOf(socket.id);
			return user ? ` ${describeUser(user)}` : '';
		};

		const refuse = (kind: Refusal, detail: string) => {
			const count = (refusals.get(kind) ?? 0) + 1;
			refusals.set(kind, count);
			if (count === 1) {
				log(
					`${stamp()} error: socket=${socket.id}${who()} ${kind}: ${detail} (further ones counted at disconnect)`,
				);
			}
		};

		log(`${stamp()} connect socket=${socket.id} address=${socket.handshake.address}`);

		socket.on('join', (payload: unknown) => {
			const checked = checkUser(payload);
			if (!checked.ok) {
				refuse('invalid join', checked.error);
				return;
			}

			room.join(socket, checked.value);
		});

		socket.on('message', (payload: unknown) => {
			const user = room.presence.userOf(socket.id);
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
				return;
			}

			room.postText(user, checked.value);
		});

		socket.on('ping', () => {
			socket.emit('pong');
		});

		socket.on('disconnect', (reason: string) => {
			const user = who();
			room.leave(socket.id);
			const counts = Array.from(
				refusals,
				([kind, count]) => `${kind.replaceAll(' ', '-')}=${count}`,
			);
			const summary = counts.length > 0 ? ` refused: ${counts.join(' ')}` : '';
			log(
				`${stamp()} disconnect socket=${socket.id}${user} reason=${JSON.stringify(reason)}${summary}`,
			);
		});
	});
}
