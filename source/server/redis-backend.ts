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
import type {PresenceWords} from './presence.js';
import {RedisPresence} from './redis-presence.js';

export type RedisBackendOptions = {
	url: string;
	historyLimit: number;
	log: (line: string) => void;
	/** Default 15 s: with a heartbeat every 5 s, a dead process's users are gone within 20 s. */
	presenceTtlMs?: number;
	/** The words of the join, leave and rename notices (`serve --lang`). Default English. */
	presenceWords?: PresenceWords;
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

/**
 * A connection that says once when Redis goes away and once when it is back; `onBack` runs once it
 * is back and has answered a ping, which it sends after the subscriptions ioredis renews.
 */
async function connect(
	url: string,
	role: string,
	log: (line: string) => void,
	onBack?: () => void,
): Promise<Redis> {
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
			if (onBack) {
				// ioredis renews the subscriptions just after this event: the ping goes after them.
				setImmediate(() => {
					redis
						.ping()
						.then(onBack)
						.catch(() => undefined);
				});
			}
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

/**
 * socket.io's Redis adapter publishes, subscribes and unsubscribes without waiting for the answer:
 * one that fails (Redis away for longer than ioredis retries, or at shutdown) would be an unhandled
 * rejection, which ends the process. Here such failures are logged, once per outage; a message
 * that could not be published reached only this process's sockets.
 */
function guardUnawaited(redis: Redis, role: string, log: (line: string) => void): Redis {
	let failing = false;
	const onDone = () => {
		failing = false;
	};

	const onFailed = (error: unknown) => {
		if (!failing) {
			failing = true;
			log(`${new Date().toISOString()} error: redis (${role}) ${describeError(error)}`);
		}
	};

	const methods = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
	for (const name of ['publish', 'psubscribe', 'subscribe', 'punsubscribe', 'unsubscribe']) {
		const original = methods[name]!.bind(redis);
		// Not async: the caller must get the very promise that has the handler, not a new one.
		// eslint-disable-next-line @typescript-eslint/promise-function-async
		methods[name] = (...args: unknown[]) => {
			const done = original(...args);
			done.then(onDone).catch(onFailed);
			return done;
		};
	}

	return redis;
}

/** Quits cleanly while Redis is there; otherwise drops the connection instead of waiting for it. */
async function release(redis: Redis): Promise<void> {
	if (redis.status === 'ready') {
		await redis.quit().catch(() => undefined);
	} else {
		redis.disconnect();
	}
}

export async function openRedisBackend({
	url,
	historyLimit,
	log,
	presenceTtlMs,
	presenceWords,
}: RedisBackendOptions) {
	const commands = await connect(url, 'commands', log);
	const resubscribed = new Set<() => void>();
	let subscriber: Redis;
	try {
		subscriber = await connect(url, 'subscriber', log, () => {
			for (const listener of resubscribed) {
				listener();
			}
		});
	} catch (error) {
		commands.disconnect();
		throw error;
	}

	const presence = new RedisPresence(commands, {
		ttlMs: presenceTtlMs ?? defaultPresenceTtlMs,
		log,
		words: presenceWords,
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
		adapter: createAdapter(
			guardUnawaited(commands, 'publish', log),
			guardUnawaited(subscriber, 'subscribe', log),
			{key: 'chat-tui'},
		),
		/** Called each time this process hears other processes again after Redis was away. */
		onResubscribed(listener: () => void) {
			resubscribed.add(listener);
		},
		async close() {
			await presence.leaveAll().catch(() => undefined);
			await Promise.all([release(commands), release(subscriber)]);
		},
	};
}
