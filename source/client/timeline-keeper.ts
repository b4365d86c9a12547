import {Emitter} from '../protocol/emitter.js';
import type {ChatRestApi} from '../protocol/rest-client.js';
import type {Message} from '../protocol/types.js';
import {catchUp, type FetchPage} from './catch-up.js';
import {
	addLive,
	connected,
	emptyTimeline,
	meetsHeld,
	stitchNewest,
	trim,
	type StoredMessage,
	type Timeline,
} from './timeline.js';

/*
A timeline kept outside React, for line mode and the SDK's ChatClient: live messages go in as
they come; after every join the newest run is fetched (catch-up.ts) and stitched on. Each message
newly held is told once, in the timeline's order: live messages that come while a catch-up is
under way wait for it, so the missed ones are told before them.
*/

/** The events of a timeline kept for a client: every message once, in order, and each catch-up. */
export type TimelineEvents = {
	message: (message: Message) => void;
	caughtUp: (report: CatchUpReport) => void;
};

export class TimelineEmitter extends Emitter<TimelineEvents> {
	tell<Name extends keyof TimelineEvents>(
		name: Name,
		...arguments_: Parameters<TimelineEvents[Name]>
	): void {
		this.emit(name, ...arguments_);
	}
}

/** History pages over REST, the REST client loaded when first asked. */
export function restPages(baseUrl: string, insecure?: boolean): FetchPage {
	let api: Promise<ChatRestApi> | undefined;
	return async (page) => {
		api ??= import('../protocol/rest-client.js').then(
			({ChatRestApi}) => new ChatRestApi({baseUrl, insecure}),
		);
		const rest = await api;
		return rest.getMessages(page);
	};
}

export type CatchUpReport = {
	/** False only after the first join. */
	readonly reconnect: boolean;
	/** Messages the catch-up brought that the timeline did not hold. */
	readonly added: readonly StoredMessage[];
	/** False when the bound was reached before the run met what was held. */
	readonly complete: boolean;
};

export type TimelineKeeperOptions = {
	readonly fetchPage: FetchPage;
	/** Newest messages told after the first join; the first page is fetched anyway, as an anchor. */
	readonly history: number;
	readonly pageSize?: number;
	/** The most messages held; the oldest are dropped. */
	readonly maxHeld?: number;
	/** Messages newly held, in order. */
	readonly onMessages: (messages: readonly StoredMessage[]) => void;
	readonly onCaughtUp?: (report: CatchUpReport) => void;
	readonly onError?: (error: unknown, reconnect: boolean) => void;
};

export class TimelineKeeper {
	#timeline: Timeline = emptyTimeline;
	readonly #options: TimelineKeeperOptions;
	/** Live messages held back while a catch-up is under way. */
	#held: StoredMessage[] | undefined;
	#joins = 0;
	/** Catch-ups asked for and not yet done. */
	#pending = 0;
	#chain: Promise<void> = Promise.resolve();

	constructor(options: TimelineKeeperOptions) {
		this.#options = options;
	}

	get messages(): readonly StoredMessage[] {
		return this.#timeline.messages;
	}

	/** Settles once every catch-up asked for so far is done. */
	async settled(): Promise<void> {
		return this.#chain;
	}

	live(message: Message): void {
		const {timeline, added} = addLive(this.#timeline, [message]);
		this.#set(timeline);
		if (added.length === 0) {
			return;
		}

		if (this.#held) {
			this.#held.push(...added);
		} else {
			this.#options.onMessages(added);
		}
	}

	/** A join on a fresh connection: its live messages start a chain; catch up behind it. */
	joined(): void {
		this.#timeline = connected(this.#timeline);
		const reconnect = this.#joins++ > 0;
		this.#held ??= [];
		this.#pending++;
		this.#chain = this.#chain.then(async () => this.#catchUp(reconnect));
	}

	async #catchUp(reconnect: boolean): Promise<void> {
		const {fetchPage, history, pageSize = 50, onCaughtUp, onError} = this.#options;
		let added: readonly StoredMessage[] = [];
		try {
			const result = await catchUp({
				fetchPage,
				meets: (run, total) => meetsHeld(this.#timeline, run, total),
				pageSize: reconnect ? pageSize : Math.max(history, 1),
			});
			const stitched = stitchNewest(this.#timeline, result.run, result.total, result.fromStart);
			this.#set(stitched.timeline);
			added = stitched.added;
			onCaughtUp?.({reconnect, added, complete: result.complete});
		} catch (error: unknown) {
			onError?.(error, reconnect);
		}

		this.#pending--;
		const waiting = this.#pending === 0 ? (this.#held ?? []) : [];
		if (this.#pending === 0) {
			this.#held = undefined;
		}

		// The first page is only an anchor when no history was asked for.
		const told = !reconnect && history === 0 ? [] : added;
		const order = new Map(this.#timeline.messages.map((message, index) => [message.key, index]));
		const all = [...told, ...waiting].filter((message) => order.has(message.key));
		all.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
		if (all.length > 0) {
			this.#options.onMessages(all);
		}
	}

	#set(timeline: Timeline): void {
		this.#timeline = trim(timeline, this.#options.maxHeld ?? 5000).timeline;
	}
}
