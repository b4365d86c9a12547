/**
 * The message history: the newest `historyLimit` messages in memory and, with a data file, every
 * message appended to it as one JSON line and read back at start.
 */
import {createReadStream, createWriteStream, type WriteStream} from 'node:fs';
import {mkdir, open, stat} from 'node:fs/promises';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import type {MessageType} from '../protocol/types.js';
import {HistoryBuffer} from './history-buffer.js';
import {describeError} from './log-format.js';
import {isRecord} from './validation.js';

/** A message as this server sends and stores it: always with an id. */
export type ServerMessage = {
	id: string;
	type: MessageType;
	content: string;
	time: string;
	sender?: string;
	senderId?: string;
};

export type MessageDraft =
	| {type: 'text'; content: string; sender: string; senderId: string}
	| {type: 'system'; content: string};

export type MessagePage = {total: number; messages: ServerMessage[]};

type StoreOptions = {
	dataFile?: string;
	historyLimit: number;
	log: (line: string) => void;
};

/** Ids look like `<epoch ms>-<n>`; a new run takes an epoch above any stored one. */
const idPattern = /^(\d{1,15})-\d{1,15}$/;
const maxMalformedLinesLogged = 10;

/** A stored message (a data file line, a Redis list item), cleaned; undefined when malformed. */
export function parseStoredLine(line: string): ServerMessage | undefined {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}

	if (!isRecord(value)) {
		return undefined;
	}

	const {id, type, content, time, sender, senderId} = value;
	if (
		typeof id !== 'string' ||
		id === '' ||
		(type !== 'text' && type !== 'system') ||
		typeof content !== 'string' ||
		typeof time !== 'string' ||
		(sender !== undefined && typeof sender !== 'string') ||
		(senderId !== undefined && typeof senderId !== 'string')
	) {
		return undefined;
	}

	// Lines written before the server cleaned what it stores are cleaned as they are read.
	const clean = sanitize(content, {multiline: true, keepTabs: true}).text;
	return type === 'text'
		? {
				id,
				type,
				content: clean,
				time,
				sender: sender === undefined ? undefined : sanitizeText(sender),
				senderId: senderId === undefined ? undefined : sanitizeText(senderId),
			}
		: {id, type, content: clean, time};
}

/** A draft with its id and time, keys in the documented order: id, type, content, time, sender, senderId. */
export function toMessage(id: string, draft: MessageDraft, time: string): ServerMessage {
	return draft.type === 'text'
		? {
				id,
				type: 'text',
				content: draft.content,
				time,
				sender: draft.sender,
				senderId: draft.senderId,
			}
		: {id, type: 'system', content: draft.content, time};
}

/** The size of a file, 0 when it does not exist yet. */
async function fileSize(file: string): Promise<number> {
	try {
		const info = await stat(file);
		return info.size;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return 0;
		}

		throw error;
	}
}

async function endsWithNewline(file: string, size: number): Promise<boolean> {
	const handle = await open(file, 'r');
	try {
		const {buffer} = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
		return buffer[0] === 0x0a;
	} finally {
		await handle.close();
	}
}

export class MessageStore {
	static async open(options: StoreOptions): Promise<MessageStore> {
		const store = new MessageStore(options);
		if (options.dataFile !== undefined) {
			await store.#load(options.dataFile);
		}

		return store;
	}

	readonly #history: HistoryBuffer<ServerMessage>;
	readonly #log: (line: string) => void;
	#epoch = Date.now();
	#counter = 0;
	#writer: WriteStream | undefined;
	#writeFailed = false;
	#closed: Promise<void> | undefined;

	private constructor(options: StoreOptions) {
		this.#history = new HistoryBuffer(options.historyLimit);
		this.#log = options.log;
	}

	get size(): number {
		return this.#history.size;
	}

	/** Stamps a draft with an id and the time, keeps it and appends it to the data file. */
	add(draft: MessageDraft): ServerMessage {
		this.#counter++;
		const id = `${this.#epoch}-${this.#counter}`;
		const message = toMessage(id, draft, new Date().toISOString());
		this.#history.push(message);
		if (this.#writer && !this.#writeFailed) {
			this.#writer.write(`${JSON.stringify(message)}\n`);
		}

		return message;
	}

	/** Offset 0 is the newest page; the page itself is oldest first. */
	page(limit: number, offset: number): MessagePage {
		const total = this.#history.size;
		const end = total - Math.min(offset, total);
		return {
			total,
			messages: this.#history.slice(Math.max(0, end - limit), end),
		};
	}

	async close(): Promise<void> {
		this.#closed ??= new Promise((resolve) => {
			const writer = this.#writer;
			if (!writer || writer.destroyed) {
				resolve();
				return;
			}

			writer.end(() => {
				resolve();
			});
			writer.once('error', () => {
				resolve();
			});
		});
		return this.#closed;
	}

	async #load(file: string): Promise<void> {
		await mkdir(path.dirname(file), {recursive: true});
		const size = await fileSize(file);
		if (size > 0) {
			await this.#readLines(file);
		}

		const needsNewline = size > 0 && !(await endsWithNewline(file, size));
		const writer = createWriteStream(file, {flags: 'a'});
		writer.on('error', (error) => {
			this.#writeFailed = true;
			this.#log(
				`${new Date().toISOString()} error: data file write failed, persistence stopped (${describeError(error)})`,
			);
		});
		if (needsNewline) {
			// The last line was cut short (a crash mid-write); start on a fresh line.
			writer.write('\n');
		}

		this.#writer = writer;
	}

	async #readLines(file: string): Promise<void> {
		const lines = createInterface({
			input: createReadStream(file, {encoding: 'utf8'}),
			crlfDelay: Number.POSITIVE_INFINITY,
		});
		let lineNumber = 0;
		let loaded = 0;
		let malformed = 0;
		let highestEpoch = 0;
		for await (const line of lines) {
			lineNumber++;
			if (line.trim() === '') {
				continue;
			}

			const message = parseStoredLine(line);
			if (!message) {
				malformed++;
				if (malformed <= maxMalformedLinesLogged) {
					this.#log(
						`${new Date().toISOString()} error: data file line ${lineNumber} is malformed, skipped`,
					);
				}

				continue;
			}

			const epoch = idPattern.exec(message.id)?.[1];
			if (epoch !== undefined) {
				highestEpoch = Math.max(highestEpoch, Number(epoch));
			}

			this.#history.push(message);
			loaded++;
		}

		if (malformed > maxMalformedLinesLogged) {
			this.#log(
				`${new Date().toISOString()} error: data file had ${malformed} malformed lines in all, skipped`,
			);
		}

		// A clock that went back must not make this run reuse an id from an earlier one.
		this.#epoch = Math.max(this.#epoch, highestEpoch + 1);
		this.#log(
			`${new Date().toISOString()} loaded ${loaded} messages from the data file (${this.#history.size} kept in memory)`,
		);
	}
}
