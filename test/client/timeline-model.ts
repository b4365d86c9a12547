// The timeline, model-based: the chat's reducer against a simulated server with every quirk the
// protocol allows, through seeded random interleavings of live events, sends, drops, reconnects,
// restarts and page fetches. Once things settle, the client holds exactly the server's log (the
// newest part of it), in order, each message once, and every line typed is on the server once.
import test from 'ava';
import type {Message} from '../../source/protocol/types.js';
import {initialChatState} from '../../source/state/chat-state.js';
import {seededRandom} from '../helpers/random.js';
import {SimServer, type Quirks} from '../helpers/sim-server.js';
import {
	describe,
	drop,
	join,
	me,
	pageSize,
	pickStep,
	settle,
	stepName,
	turn,
	type World,
} from '../helpers/timeline-world.js';

const same = (a: Message, b: Message) =>
	a.type === b.type && a.content === b.content && a.senderId === b.senderId && a.id === b.id;

export async function runOnce(
	seed: number,
	quirks: Quirks,
	length = 40,
	trace?: string[],
): Promise<string | undefined> {
	const random = seededRandom(seed);
	const server = new SimServer(quirks);
	for (let n = random.int(12); n > 0; n--) {
		server.post(random.pick(['ann', 'bob', 'me']), server.text(random.next));
	}

	const initialMine = server.log.filter((message) => message.senderId === 'u-me').length;

	const world: World = {
		state: initialChatState(me),
		online: false,
		joins: 0,
		live: [],
		uplink: [],
		typed: [],
		catchingUp: false,
		...(trace ? {trace} : {}),
	};
	join(world, server);
	await turn();
	for (let n = length + random.int(length * 3); n > 0; n--) {
		const step = pickStep(random);
		await step(world, server, random);
		trace?.push(`${stepName(step)} -> ${describe(world)}`);
	}

	await settle(world, server, random);
	// One more reconnect with nothing on its way: the last gap fill.
	drop(world);
	await settle(world, server, random);
	const held = world.state.messages;
	if (held.length > server.log.length) {
		return `holds ${held.length} messages, the server ${server.log.length}`;
	}

	const tail = server.log.slice(server.log.length - held.length);
	if (held.length < Math.min(pageSize, quirks.pageCap, server.log.length)) {
		return `holds ${held.length} of ${server.log.length}`;
	}

	const at = held.findIndex((message, index) => !same(message, tail[index]!));
	if (at !== -1) {
		const show = (list: readonly Message[]) =>
			list.map((each) => `${each.sender ?? '-'}:${each.content}`).join(' | ');
		return `differs at ${at} of ${held.length}:\n held ${show(held)}\n server ${show(tail)}`;
	}

	if (world.state.pending.length > 0) {
		return `${world.state.pending.length} lines still pending`;
	}

	const mine = server.log.filter((message) => message.senderId === 'u-me').length;
	if (mine !== world.typed.length + initialMine) {
		const own = server.log
			.filter((message) => message.senderId === 'u-me')
			.map((each) => each.content);
		return `typed ${world.typed.length} lines, the server has ${mine - initialMine}\n typed ${world.typed.join(' | ')}\n server ${own.join(' | ')}`;
	}

	return undefined;
}

/** Seeded runs per set of quirks; each failure names its seed (runOnce with a trace replays it). */
const runs = 1000;

const quirkSets: Array<[string, Quirks]> = [
	[
		'ids, exact times',
		{ids: 'counter', wholeSeconds: false, skewMs: 0, cutAt: 0, texts: 5, pageCap: 50},
	],
	[
		'no ids, whole seconds, equal lines',
		{ids: 'none', wholeSeconds: true, skewMs: 0, cutAt: 0, texts: 2, pageCap: 50},
	],
	[
		'counter ids that restart, clock a day ahead',
		{ids: 'counter', wholeSeconds: true, skewMs: 86_400_000, cutAt: 0, texts: 3, pageCap: 50},
	],
	[
		'clock a year behind, cut at 20, pages capped at 4',
		{ids: 'none', wholeSeconds: false, skewMs: -31_536_000_000, cutAt: 20, texts: 3, pageCap: 4},
	],
	[
		'everything: restarting ids, whole seconds, a day behind, cut at 20, pages of 3',
		{ids: 'counter', wholeSeconds: true, skewMs: -86_400_000, cutAt: 20, texts: 2, pageCap: 3},
	],
];

for (const [name, quirks] of quirkSets) {
	test(`model: ${name}`, async (t) => {
		const failures: string[] = [];
		for (let seed = 1; seed <= runs; seed++) {
			const failure = await runOnce(seed, quirks);
			if (failure) {
				failures.push(`seed ${seed}: ${failure}`);
			}
		}

		t.deepEqual(failures.slice(0, 3), [], `${failures.length} of ${runs} runs failed`);
	});
}
