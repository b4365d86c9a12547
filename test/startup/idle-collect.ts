import test from 'ava';
import {idleCollector} from '../../source/startup/idle-collect.js';

const heapMegabytes = () => process.memoryUsage().heapUsed / 1024 / 1024;

test('after a burst of events and a quiet spell, its garbage is collected', async (t) => {
	// A burst's worth of garbage: about 60 MB of small objects, no longer referenced.
	let garbage: Array<{text: string}> | undefined = Array.from({length: 600_000}, (_, index) => ({
		text: `message ${index} with some words in it`,
	}));
	t.is(garbage.length, 600_000);
	garbage = undefined;
	const before = heapMegabytes();

	const collector = idleCollector();
	collector.count(1500);
	collector.count(600);
	let poll: NodeJS.Timeout | undefined;
	let deadline: NodeJS.Timeout | undefined;
	t.teardown(() => {
		collector.stop();
		clearInterval(poll);
		clearTimeout(deadline);
	});
	const after = await new Promise<number>((resolve, reject) => {
		poll = setInterval(() => {
			if (heapMegabytes() < before - 30) {
				resolve(heapMegabytes());
			}
		}, 100);
		deadline = setTimeout(() => {
			reject(
				new Error(
					`the heap stayed at ${heapMegabytes().toFixed(0)} MB (${before.toFixed(0)} MB before)`,
				),
			);
		}, 8000);
	});
	t.true(after < before - 30, `${before.toFixed(0)} MB → ${after.toFixed(0)} MB`);
});
