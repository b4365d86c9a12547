/**
 * The message history in Redis, shared by every process: one list of JSON messages, newest last,
 * trimmed to `historyLimit`, and one counter that hands out the ids. A Lua script takes the id and
 * appends the message in one step, so the list is in id order and no id is ever handed out twice,
 * whichever process asks and however often the processes restart.
 */
import type {Redis} from 'ioredis';
import {
	parseStoredLine,
	toMessage,
	type MessageDraft,
	type MessagePage,
	type ServerMessage,
} from './message-store.js';
import type {HistoryStore} from './room-stores.js';
import {defineScripts} from './redis-scripts.js';

const keys = {counter: 'chat-tui:message-id', list: 'chat-tui:messages'};

const scripts = {
	// KEYS: counter, list. ARGV: the message as JSON without its id, the history limit.
	chatTuiAppend: `
local id = string.format('%d', redis.call('INCR', KEYS[1]))
local total = redis.call('RPUSH', KEYS[2], '{"id":"' .. id .. '",' .. string.sub(ARGV[1], 2))
local limit = tonumber(ARGV[2])
if total > limit then
	redis.call('LTRIM', KEYS[2], -limit, -1)
	total = limit
end
return {id, total}`,
	// KEYS: list. ARGV: limit, offset. Answers the total, then the page oldest first.
	chatTuiPage: `
local total = redis.call('LLEN', KEYS[1])
local stop = total - math.min(tonumber(ARGV[2]), total) - 1
local page = {}
if stop >= 0 then
	page = redis.call('LRANGE', KEYS[1], math.max(0, stop - tonumber(ARGV[1]) + 1), stop)
end
table.insert(page, 1, total)
return page`,
} as const;

export class RedisHistory implements HistoryStore {
	readonly #run;
	#size = 0;

	constructor(
		redis: Redis,
		private readonly historyLimit: number,
	) {
		this.#run = defineScripts(redis, scripts);
	}

	get size(): number {
		return this.#size;
	}

	async add(draft: MessageDraft): Promise<ServerMessage> {
		const time = new Date().toISOString();
		const {id: _, ...withoutId} = toMessage('', draft, time);
		const [id, total] = (await this.#run.chatTuiAppend(
			[keys.counter, keys.list],
			[JSON.stringify(withoutId), String(this.historyLimit)],
		)) as [string, number];
		this.#size = total;
		return toMessage(id, draft, time);
	}

	async page(limit: number, offset: number): Promise<MessagePage> {
		const [total, ...lines] = (await this.#run.chatTuiPage(
			[keys.list],
			[String(limit), String(offset)],
		)) as [number, ...string[]];
		this.#size = total;
		const messages: ServerMessage[] = [];
		for (const line of lines) {
			const message = parseStoredLine(line);
			if (message) {
				messages.push(message);
			}
		}

		return {total, messages};
	}

	async close(): Promise<void> {
		// The connection belongs to the backend, which closes it.
	}
}
