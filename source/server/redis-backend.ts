/**
 * `chat-tui serve --redis URL`: several processes on one Redis. socket.io's Redis adapter carries
 * events between them (a message sent to one reaches the sockets of all); the history, its ids and
 * presence live in Redis (redis-history.ts, redis-presence.ts). Loaded only with `--redis`: the
 * chat and a server without it never load this file or its packages.
 */
import {createAdapter} from '@socket.io/redis-adapter';
import {Redis} from 'ioredis';
import {describeError} from './log-format.js';
import {RedisHistory} from './redis-history.js';
import {RedisPresence} from './redis-presence.js';

export type RedisBackendOptions = {
	url: string;
	historyLimit: number;
	log: (line: string) => void;
	/** Default 15 s: with a heartbeat every 5 s, a dead process's users are gone within 20 s. */
	presenceTtlMs?: number;
};

export const defaultPresenceTtlMs = 15_000;

/** A URL fit for a log line. */
function withoutPassword(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.password = '';
		parsed.username = '';
		return parsed.href;
	} catch {
		return 'the given URL';
	}
}

/** A connection that says once when Redis goes away and once when it is back. */
async function connect(url: string, role: string, log: (line: string) => void): Promise<Redis> {
	// While Redis is away, a command waits for it through ioredis's retries (some 20 s), then fails:
	// a REST call gets a 500 and a socket event is logged, rather than hanging for good.
	const redis = new Redis(url, {lazyConnect: true});
	let connected = false;
	let down: unknown;
	redis.on('error', (error: unknown) => {
		if (connected && down === undefined) {
			log(`${new Date().toISOString()} error: redis (${role}) ${describeError(error)}`);
		}

		down ??= error;
	});
	redis.on('ready', () => {
		if (connected && down !== undefined) {
			log(`${new Date().toISOString()} redis (${role}) is back`);
		}

		down = undefined;
	});
	try {
		await redis.connect();
	} catch (error) {
		redis.disconnect();
		throw new Error(
			`cannot reach Redis at ${withoutPassword(url)} (${describeError(down ?? error)})`,
		);
	}

	connected = true;
	return redis;
}

export async function openRedisBackend({
	url,
	historyLimit,
	log,
	presenceTtlMs,
}: RedisBackendOptions) {
	const commands = await connect(url, 'commands', log);
	let subscriber: Redis;
	try {
		subscriber = await connect(url, 'subscriber', log);
	} catch (error) {
		commands.disconnect();
		throw error;
	}

	const presence = new RedisPresence(commands, {
		ttlMs: presenceTtlMs ?? defaultPresenceTtlMs,
		log,
	});
	try {
		await presence.start();
	} catch (error) {
		commands.disconnect();
		subscriber.disconnect();
		throw error;
	}

	log(
		`${new Date().toISOString()} sharing history and presence through Redis at ${withoutPassword(url)}`,
	);
	return {
		history: new RedisHistory(commands, historyLimit),
		presence,
		adapter: createAdapter(commands, subscriber, {key: 'chat-tui'}),
		async close() {
			await presence.leaveAll().catch(() => undefined);
			await Promise.all([commands.quit(), subscriber.quit()]).catch(() => undefined);
		},
	};
}
