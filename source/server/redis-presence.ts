/**
 * Who is online, in Redis, shared by every process. As in memory (presence.ts), a user is online
 * while at least one connection speaks for them; each connection (socket id) is recorded with the
 * process that holds it. Every process renews its own lease with a heartbeat; one whose lease ran
 * out (killed, frozen, cut off) is reaped by the next heartbeat of any other process: its users
 * leave the list. Each change runs as one Lua script, so processes never see half of one.
 *
 * Keys, under `chat-tui:presence:`: `sessions` (hash socket -> process "\n" userId), `users`
 * (hash userId -> username), `order` (sorted set of userIds by arrival, counted by `seq`),
 * `user:<userId>` and `server:<process>` (sets of sockets), `servers` (sorted set of processes by
 * the end of their lease, in Redis's own clock).
 */
import {randomUUID} from 'node:crypto';
import type {Redis} from 'ioredis';
import type {WireUser} from '../protocol/types.js';
import {describeError} from './log-format.js';
import {presenceNotices, type PresenceChange} from './presence.js';
import type {SharedPresenceStore} from './room-stores.js';
import {defineScripts} from './redis-scripts.js';

const prefix = 'chat-tui:presence:';

/** Takes a socket off the list; answers the username when its user left with it. */
const prelude = `
local P = ARGV[1]
local events = {}
local function leave(socket)
	local session = redis.call('HGET', P .. 'sessions', socket)
	if not session then return end
	local cut = string.find(session, '\\n', 1, true)
	local server, user = string.sub(session, 1, cut - 1), string.sub(session, cut + 1)
	redis.call('HDEL', P .. 'sessions', socket)
	redis.call('SREM', P .. 'server:' .. server, socket)
	redis.call('SREM', P .. 'user:' .. user, socket)
	if redis.call('SCARD', P .. 'user:' .. user) > 0 then return end
	local name = redis.call('HGET', P .. 'users', user)
	redis.call('HDEL', P .. 'users', user)
	redis.call('ZREM', P .. 'order', user)
	if name then
		table.insert(events, 'left')
		table.insert(events, name)
	end
end
local function reap(server)
	for _, socket in ipairs(redis.call('SMEMBERS', P .. 'server:' .. server)) do
		leave(socket)
	end
	redis.call('DEL', P .. 'server:' .. server)
	redis.call('ZREM', P .. 'servers', server)
end
`;

const scripts = {
	// ARGV: prefix, process, socket, userId, username.
	chatTuiJoin: `${prelude}
local server, socket, user, name = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local session = redis.call('HGET', P .. 'sessions', socket)
if session and string.sub(session, string.find(session, '\\n', 1, true) + 1) ~= user then
	leave(socket)
end
redis.call('HSET', P .. 'sessions', socket, server .. '\\n' .. user)
redis.call('SADD', P .. 'server:' .. server, socket)
redis.call('SADD', P .. 'user:' .. user, socket)
local known = redis.call('HGET', P .. 'users', user)
if not known then
	redis.call('HSET', P .. 'users', user, name)
	redis.call('ZADD', P .. 'order', redis.call('INCR', P .. 'seq'), user)
	table.insert(events, 'joined')
	table.insert(events, name)
elseif known ~= name then
	redis.call('HSET', P .. 'users', user, name)
	table.insert(events, 'renamed')
	table.insert(events, known)
	table.insert(events, name)
end
return events`,
	// ARGV: prefix, socket.
	chatTuiLeave: `${prelude}
leave(ARGV[2])
return events`,
	// ARGV: prefix, process, lease in ms. Answers 1 when the lease was new (first, or reaped), then events.
	chatTuiHeartbeat: `${prelude}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local fresh = redis.call('ZADD', P .. 'servers', now + tonumber(ARGV[3]), ARGV[2])
for _, server in ipairs(redis.call('ZRANGEBYSCORE', P .. 'servers', '-inf', now)) do
	reap(server)
end
table.insert(events, 1, fresh)
return events`,
	// ARGV: prefix, process.
	chatTuiGone: `${prelude}
reap(ARGV[2])
return events`,
	// ARGV: prefix. Answers userId, username, userId, username, ...
	chatTuiList: `
local P = ARGV[1]
local list = {}
for _, user in ipairs(redis.call('ZRANGE', P .. 'order', 0, -1)) do
	table.insert(list, user)
	table.insert(list, redis.call('HGET', P .. 'users', user) or user)
end
return list`,
};

function toChange(events: unknown[]): PresenceChange {
	const notices: string[] = [];
	for (let index = 0; index < events.length; index++) {
		const kind = events[index];
		const name = String(events[++index]);
		notices.push(
			kind === 'renamed'
				? presenceNotices.renamed(name, String(events[++index]))
				: kind === 'joined'
					? presenceNotices.joined(name)
					: presenceNotices.left(name),
		);
	}

	return {changed: notices.length > 0, notices};
}

function merge(into: PresenceChange, from: PresenceChange): void {
	into.changed ||= from.changed;
	into.notices.push(...from.notices);
}

export type RedisPresenceOptions = {
	/** How long this process's users stay online after its last heartbeat. */
	ttlMs: number;
	log: (line: string) => void;
};

export class RedisPresence implements SharedPresenceStore {
	/** This process, in Redis's records. */
	readonly server = randomUUID();
	readonly #run;
	readonly #ttlMs: number;
	readonly #log: (line: string) => void;
	/** This process's connections, to answer userOf at once and to join again after a reaping. */
	readonly #local = new Map<string, WireUser>();
	readonly #listeners: Array<(change: PresenceChange) => void> = [];
	#timer: NodeJS.Timeout | undefined;
	#beating = false;
	#unheard: PresenceChange = {changed: false, notices: []};

	constructor(
		private readonly redis: Redis,
		{ttlMs, log}: RedisPresenceOptions,
	) {
		this.#run = defineScripts(redis, scripts);
		this.#ttlMs = ttlMs;
		this.#log = log;
	}

	/** Takes the lease and renews it every third of it. */
	async start(): Promise<void> {
		await this.#heartbeat();
		this.#timer = setInterval(
			() => {
				void this.#heartbeat();
			},
			Math.max(Math.floor(this.#ttlMs / 3), 1),
		);
		this.#timer.unref();
	}

	onExpired(listener: (change: PresenceChange) => void): void {
		this.#listeners.push(listener);
		if (this.#unheard.changed) {
			// What the first heartbeat reaped before anyone listened (a restart after a crash).
			listener(this.#unheard);
			this.#unheard = {changed: false, notices: []};
		}
	}

	userOf(socketId: string): WireUser | undefined {
		return this.#local.get(socketId);
	}

	async join(socketId: string, user: WireUser): Promise<PresenceChange> {
		this.#local.set(socketId, user);
		return this.#call('chatTuiJoin', [this.server, socketId, user.userId, user.username]);
	}

	async leave(socketId: string): Promise<PresenceChange> {
		if (!this.#local.delete(socketId)) {
			return {changed: false, notices: []};
		}

		return this.#call('chatTuiLeave', [socketId]);
	}

	async list(): Promise<WireUser[]> {
		const flat = (await this.#run.chatTuiList([], [prefix])) as string[];
		const users: WireUser[] = [];
		for (let index = 0; index + 1 < flat.length; index += 2) {
			users.push({userId: flat[index]!, username: flat[index + 1]!});
		}

		return users;
	}

	/** With Redis away, the lease runs out instead: nothing waits for Redis to come back. */
	async leaveAll(): Promise<PresenceChange> {
		clearInterval(this.#timer);
		this.#local.clear();
		if (this.redis.status !== 'ready') {
			return {changed: false, notices: []};
		}

		return this.#call('chatTuiGone', [this.server]);
	}

	async #call(name: keyof typeof scripts, args: string[]): Promise<PresenceChange> {
		return toChange((await this.#run[name]([], [prefix, ...args])) as unknown[]);
	}

	async #heartbeat(): Promise<void> {
		if (this.#beating) {
			return;
		}

		this.#beating = true;
		try {
			const [fresh, ...events] = (await this.#run.chatTuiHeartbeat(
				[],
				[prefix, this.server, String(this.#ttlMs)],
			)) as [number, ...unknown[]];
			const change = toChange(events);
			if (fresh === 1 && this.#timer !== undefined && this.#local.size > 0) {
				// Our lease ran out (a long pause, Redis restarted): our users come back.
				this.#log(`${new Date().toISOString()} presence lease was lost; joining again`);
				for (const [socketId, user] of this.#local) {
					merge(change, await this.join(socketId, user));
				}
			}

			if (change.changed && this.#listeners.length === 0) {
				merge(this.#unheard, change);
			} else if (change.changed) {
				for (const listener of this.#listeners) {
					listener(change);
				}
			}
		} catch (error) {
			this.#log(
				`${new Date().toISOString()} error: presence heartbeat failed (${describeError(error)})`,
			);
		} finally {
			this.#beating = false;
		}
	}
}
