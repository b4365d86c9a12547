import v8 from 'node:v8';
import vm from 'node:vm';

/*
After a burst (a flood of messages, a long history scrolled through) the garbage it left can keep
the process's memory up for as long as the chat stays quiet: V8 collects when more is allocated,
and a quiet chat allocates little. Once a burst has settled, collect it and hand the memory back.
*/

/** Events in a burst worth collecting after, and the quiet that ends one. */
const burstEvents = 2000;
const quietMs = 2000;

let collect: (() => void) | undefined;
let collectLoaded = false;

function collector(): (() => void) | undefined {
	if (!collectLoaded) {
		collectLoaded = true;
		try {
			// Node keeps gc() behind a flag; a flag set now applies to contexts made from now on.
			v8.setFlagsFromString('--expose-gc');
			collect = vm.runInNewContext('gc') as () => void;
		} catch {
			collect = undefined;
		}
	}

	return collect;
}

/** Count events as they come; after `burstEvents` of them and `quietMs` of quiet, collect. */
export function idleCollector(): {count(events: number): void; stop(): void} {
	let seen = 0;
	let timer: NodeJS.Timeout | undefined;
	return {
		count(events) {
			seen += events;
			clearTimeout(timer);
			if (seen >= burstEvents) {
				timer = setTimeout(() => {
					seen = 0;
					// Twice: the first finds the garbage, the second lets V8 give the pages back.
					collector()?.();
					collector()?.();
				}, quietMs);
				timer.unref();
			}
		},
		stop() {
			clearTimeout(timer);
		},
	};
}
