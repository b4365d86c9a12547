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

/**
 * The V8 flags chat-tui runs with (every command: the program sets them before anything compiles,
 * and a cache is refused under other flags). V8 lets the heap grow to several times what is live before it
 * collects the old generation, the more so the faster a program allocates; in a flood the chat
 * allocates fast, and its memory went to 180-210 MB for about 40 MB of live data. Growing by a
 * quarter at a time keeps it near 135 MB for the same work, with more frequent (mostly concurrent)
 * collections; V8 reads the flag each time it sets the next limit. `--expose-gc` is for the
 * collector above.
 *
 * The young generation stays at its first size, 1 MB a half (`--semi-space-growth-factor=1`; V8
 * reads it each time it would grow the new space). V8 otherwise doubles it in a flood up to 16 MB
 * a half and never gives it back: 32 MB of the 120 MB after 100,000 messages. The cost is more
 * scavenges in a flood (the bench's flood row: 4-10 points more of a core, the echo no
 * slower); `--max-semi-space-size` would cap it more softly, but V8 reads it only as it starts.
 *
 * Set before any of the command line is compiled (bin.ts): V8 takes a code cache only under the
 * flags it was made under (code-cache.ts), and the cache is made after they are set.
 */
export function setHeapFlags(): void {
	try {
		v8.setFlagsFromString('--expose-gc');
		v8.setFlagsFromString('--heap-growing-percent=25');
		v8.setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// An engine without them runs as it always did.
	}
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
