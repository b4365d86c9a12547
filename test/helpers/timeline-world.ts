/**
 * The client's world in the timeline's model-based test (test/client/timeline-model.ts): the
 * chat's reducer on one side of a simulated wire to a SimServer, the catch-up run for real, and
 * the random steps that move things on (live events, sends, drops, joins, page answers).
 */
import {catchUp} from '../../source/client/catch-up.js';
import type {Message, MessagesPage, SafeText} from '../../source/protocol/types.js';
import {chatReducer, type ChatAction, type ChatState} from '../../source/state/chat-state.js';
import {meetsHeld} from '../../source/client/timeline.js';
import {timelineOf} from '../../source/state/paging.js';
import type {Random} from './random.js';
import type {SimServer} from './sim-server.js';

export const me = {userId: 'u-me', username: 'me'};
export const pageSize = 6;

type Request = {
	readonly limit: number;
	readonly offset: number;
	answer?: MessagesPage;
	/** Live events written before the answer: they arrive before it (see timeline.ts). */
	liveBefore?: Message[];
	readonly resolve: (page: MessagesPage) => void;
};

/** The client's side of the wire: what is on its way, each way, and the catch-up under way. */
export type World = {
	state: ChatState;
	online: boolean;
	joins: number;
	/** Server → client, in order. */
	live: Message[];
	/** Client → server: lines sent and not yet taken. */
	uplink: SafeText[];
	/** The catch-up after the last join (catch-up.ts, run for real), and its page request. */
	catchingUp: boolean;
	request?: Request;
	typed: string[];
	trace?: string[];
};

export function dispatch(world: World, action: ChatAction): void {
	world.state = chatReducer(world.state, action);
	if (world.trace && (action.type === 'gap-filled' || action.type === 'connected')) {
		world.trace.push(
			`  ${action.type} ${action.type === 'gap-filled' ? `run[${action.messages.map((each) => `${each.sender ?? '-'}:${each.content}#${each.id ?? ''}`).join(', ')}] total=${action.total}` : ''} -> ${describe(world)}`,
		);
	}
}

/** Let the catch-up's promises run until it asks for a page or is done. */
export const turn = async () =>
	new Promise((resolve) => {
		setImmediate(resolve);
	});

/** Queued lines go out once the catch-up is done, as the chat's flushQueue sends them. */
export function flush(world: World): void {
	if (!world.online || world.catchingUp) {
		return;
	}

	const ids: number[] = [];
	for (const line of world.state.pending) {
		if (line.status === 'queued') {
			world.uplink.push(line.content);
			ids.push(line.localId);
		}
	}

	if (ids.length > 0) {
		dispatch(world, {type: 'sends-started', localIds: ids, now: 0});
	}
}

export function drop(world: World): void {
	world.online = false;
	world.live = [];
	world.uplink = [];
	dispatch(world, {
		type: 'connection-changed',
		connection: {status: 'reconnecting', attempt: 1, retryAt: 0, reason: 'drop' as SafeText},
	});
}

export function join(world: World, server: SimServer): void {
	world.online = true;
	dispatch(world, {type: 'connection-changed', connection: {status: 'online'}});
	dispatch(world, {type: 'connected'});
	const reconnect = world.joins++ > 0;
	world.catchingUp = true;
	void catchUp({
		async fetchPage({limit, offset}) {
			return new Promise<MessagesPage>((resolve) => {
				world.request = {
					limit,
					offset,
					resolve(page) {
						world.trace?.push(
							`  page offset=${offset} total=${page.total} [${page.messages.map((each) => `${each.content}#${each.id ?? ''}`).join(', ')}]`,
						);
						resolve(page);
					},
				};
				// The newest page is read as the request comes in, right after the join: one round
				// trip, taken here as none (see timeline.ts: without ids, a line posted within it
				// that equals one in the page shows twice).
				if (offset === 0) {
					world.request.answer = server.page(limit, offset);
					world.request.liveBefore = [...world.live];
				}
			});
		},
		meets: (run, total) => meetsHeld(timelineOf(world.state), run, total),
		pageSize,
	}).then((result) => {
		world.catchingUp = false;
		world.request = undefined;
		dispatch(world, {
			type: 'gap-filled',
			messages: result.run,
			total: result.total,
			fromStart: result.fromStart,
			complete: result.complete,
			now: 0,
			...(reconnect ? {label: 'reconnected', missedLabel: 'missed'} : {}),
		});
		flush(world);
	});
}

type Step = (world: World, server: SimServer, random: Random) => Promise<void> | void;

export const steps: Record<string, {weight: number; run: Step}> = {
	otherPosts: {
		weight: 6,
		run(world, server, random) {
			const message = server.post(random.pick(['ann', 'bob']), server.text(random.next));
			if (world.online) {
				world.live.push(message);
			}
		},
	},
	meTypes: {
		weight: 3,
		run(world, server, random) {
			const content = server.text(random.next, random.int(4) === 0) as SafeText;
			world.typed.push(content);
			const queuedBefore = world.state.pending.some((line) => line.status === 'queued');
			const sent = world.online && !queuedBefore;
			dispatch(world, {type: 'send-queued', content, now: 0, sent});
			if (sent) {
				world.uplink.push(content);
			}
		},
	},
	serverTakesLine: {
		weight: 4,
		run(world, server) {
			const content = world.uplink.shift();
			if (content !== undefined) {
				const message = server.post(me.username, content);
				// The sender's id is u-<name>: the model's own id.
				if (world.online) {
					world.live.push(message);
				}
			}
		},
	},
	liveArrives: {
		weight: 10,
		run(world) {
			const message = world.live.shift();
			if (message) {
				dispatch(world, {type: 'events-received', events: [{kind: 'message', message}]});
			}
		},
	},
	serverAnswers: {
		weight: 4,
		run(world, server) {
			const {request} = world;
			if (request && !request.answer) {
				request.answer = server.page(request.limit, request.offset);
				request.liveBefore = [...world.live];
			}
		},
	},
	answerArrives: {
		weight: 4,
		async run(world, server, random) {
			const {request} = world;
			if (request?.answer) {
				for (const message of request.liveBefore ?? []) {
					if (world.live[0] === message) {
						await steps.liveArrives!.run(world, server, random);
					}
				}

				world.request = undefined;
				request.resolve(request.answer);
				await turn();
			}
		},
	},
	drop: {
		weight: 1,
		run(world) {
			if (world.online) {
				drop(world);
			}
		},
	},
	restart: {
		weight: 0.5,
		run(world, server) {
			server.restart();
			if (world.online) {
				drop(world);
			}
		},
	},
	reconnect: {
		weight: 2,
		async run(world, server) {
			if (!world.online && !world.catchingUp) {
				join(world, server);
				await turn();
			}
		},
	},
};

const stepList = Object.values(steps);
const totalWeight = stepList.reduce((sum, step) => sum + step.weight, 0);

export const stepName = (step: Step) =>
	Object.entries(steps).find(([, each]) => each.run === step)?.[0] ?? '?';

export const describe = (world: World) =>
	`${world.online ? 'on' : 'off'} held[${world.state.messages.map((each) => `${each.sender ?? '-'}:${each.content}`).join(', ')}] anchor=${JSON.stringify(world.state.anchor)} ls=${world.state.liveStart} ex=${world.state.expected} live[${world.live.map((each) => each.content).join(',')}] up[${world.uplink.join(',')}] pend[${world.state.pending.map((each) => `${each.content}:${each.status}`).join(',')}]`;

export function pickStep(random: Random): Step {
	let left = random.next() * totalWeight;
	for (const step of stepList) {
		left -= step.weight;
		if (left < 0) {
			return step.run;
		}
	}

	return stepList.at(-1)!.run;
}

/** Deliver everything on its way, finish the catch-up, send what is queued: until quiet. */
export async function settle(world: World, server: SimServer, random: Random): Promise<void> {
	for (let round = 0; round < 10_000; round++) {
		if (!world.online && !world.catchingUp) {
			join(world, server);
			await turn();
		} else if (world.uplink.length > 0) {
			await steps.serverTakesLine!.run(world, server, random);
		} else if (world.live.length > 0) {
			await steps.liveArrives!.run(world, server, random);
		} else if (world.catchingUp) {
			await steps.serverAnswers!.run(world, server, random);
			await steps.answerArrives!.run(world, server, random);
			await turn();
		} else {
			flush(world);
			if (world.uplink.length === 0) {
				return;
			}
		}
	}

	throw new Error('never settled');
}
