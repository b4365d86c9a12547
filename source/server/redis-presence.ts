/**
 * Who is online, in Redis, shared by every process, by the rules of the memory store
 * (presence.ts): each connection (socket id) is its own presence, shown as one entry per distinct
 * userId and name; a join never renames another connection, and "is now known as" is said only
 * when a connection joins again under a new name and no other connection still holds the old one.
 * Each connection is recorded with the process that holds it. Every process renews its own lease
 * with a heartbeat; one whose lease ran out (killed, frozen, cut off) is reaped by the next
 * heartbeat of any other process: its connections leave. Each change runs as one Lua script, so
 * processes never see half of one.
 *
 * Keys, under `chat-tui:presence:`: `socket` (hash socket -> process "\n" entry), where an entry
 * is userId NUL username; `entries` (sorted set of entries by arrival, counted by `seq`),
 * `entry:<entry>` and `server:<process>` (sets of sockets), `servers` (sorted set of processes
 * by the end of their lease, in Redis's own clock).
 */
import {randomUUID} from 'node:crypto';
import type {Redis} from 'ioredis';
import type {WireUser} from '../protocol/types.js';
import {describeError} from './log-format.js';
import {englishPresenceWords, type PresenceChange, type PresenceWords} from './presence.js';
import type {SharedPresenceStore} from './room-stores.js';
import {defineScripts} from './redis-scripts.js';

const prefix = 'chat-tui:presence:';

/** Takes a socket off the list; answers the entry's name when the entry left with it. */
const prelude = `
local P = ARGV[1]
local events = {}
local function split(entry)
	local cut = string.find(entry, '\\0', 1, true)
	return string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1)
end
local function session(socket)
	local value = redis.call('HGET', P .. 'socket', socket)
	if not value then return nil, nil end
	local cut = string.find(value, '\\n', 1, true)
	return string.sub(value, 1, cut - 1), string.sub(value, cut + 1)
end
local function leave(socket)
	local server, entry = session(socket)
	if not server then return end
	redis.call('HDEL', P .. 'socket', socket)
	redis.call('SREM', P .. 'server:' .. server, socket)
	redis.call('SREM', P .. 'entry:' .. entry, socket)
	if redis.call('SCARD', P .. 'entry:' .. entry) > 0 then return end
	if redis.call('ZREM', P .. 'entries', entry) == 1 then
		local _, name = split(entry)
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

/*
A join (ARGV: prefix, process, socket, userId, username). The same entry again: nothing. The same
socket under a new name of the same userId: "renamed" when no other socket holds the old entry
(the new one takes its place in the list), else "joined" (silent when the new entry is already
online). Anything else: the socket leaves its old entry, and a new entry is "joined".
*/
const join = `${prelude}
local server, socket, user, name = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local entry = user .. '\\0' .. name
local _, previous = session(socket)
if previous == entry then return events end
local online = redis.call('ZSCORE', P .. 'entries', entry)
local function arrive()
	if online then return end
	redis.call('ZADD', P .. 'entries', redis.call('INCR', P .. 'seq'), entry)
	table.insert(events, 'joined')
	table.insert(events, name)
end
if previous and split(previous) == user then
	local _, old = split(previous)
	redis.call('SREM', P .. 'entry:' .. previous, socket)
	if redis.call('SCARD', P .. 'entry:' .. previous) == 0 then
		local place = redis.call('ZSCORE', P .. 'entries', previous)
		redis.call('ZREM', P .. 'entries', previous)
		if not online then redis.call('ZADD', P .. 'entries', place, entry) end
		table.insert(events, 'renamed')
		table.insert(events, old)
		table.insert(events, name)
	else
		arrive()
	end
else
	if previous then leave(socket) end
	arrive()
end
redis.call('HSET', P .. 'socket', socket, server .. '\\n' .. entry)
redis.call('SADD', P .. 'server:' .. server, socket)
redis.call('SADD', P .. 'entry:' .. entry, socket)
return events`;

const scripts = {
	chatTuiJoin: join,
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
	// ARGV: prefix. Answers the entries (userId NUL username) in the order they came.
	chatTuiList: `return redis.call('ZRANGE', ARGV[1] .. 'entries', 0, -1)`,
};

function toChange(events: unknown[], words: PresenceWords): PresenceChange {
	const notices: string[] = [];
	for (let index = 0; index < events.length; index++) {
		const kind = events[index];
		const name = String(events[++index]);
		notices.push(
			kind === 'renamed'
				? words.renamed(name, String(events[++index]))
				: kind === 'joined'
					? words.joined(name)
					: words.left(name),
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
	/** The words of the join, leave and rename notices (`serve --lang`). Default English. */
	words?: PresenceWords;
};

export class RedisPresence implements SharedPresenceStore {
	/** This process, in Redis's records. */
	readonly server = randomUUID();
	readonly #run;
	readonly #ttlMs: number;
	readonly #log: (line: string) => void;
	readonly #words: PresenceWords;
	/** This process's connections, to answer userOf at once and to join again after a reaping. */
	readonly #local = new Map<string, WireUser>();
	readonly #listeners: Array<(change: PresenceChange) => void> = [];
	#timer: NodeJS.Timeout | undefined;
	#beating = false;
	#unheard: PresenceChange = {changed: false, notices: []};

	constructor(
		private readonly redis: Redis,
		{ttlMs, log, words = englishPresenceWords}: RedisPresenceOptions,
	) {
		this.#run = defineScripts(redis, scripts);
		this.#ttlMs = ttlMs;
		this.#log = log;
		this.#words = words;
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
		const entries = (await this.#run.chatTuiList([], [prefix])) as string[];
		return entries.map((entry) => {
			const cut = entry.indexOf('\0');
			return {userId: entry.slice(0, cut), username: entry.slice(cut + 1)};
		});
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
		return toChange((await this.#run[name]([], [prefix, ...args])) as unknown[], this.#words);
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
			const change = toChange(events, this.#words);
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
