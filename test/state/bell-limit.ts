import test from 'ava';
import {bellIntervalMs, mayRing} from '../../source/state/bell-limit.js';

test('the first bell rings; another within 5 s does not; one 5 s later does', (t) => {
	t.is(bellIntervalMs, 5000);
	t.true(mayRing(undefined, 0));
	t.false(mayRing(1000, 1001));
	t.false(mayRing(1000, 5999));
	t.true(mayRing(1000, 6000));
});

test('sixty mentions in 3 s ring once', (t) => {
	let last: number | undefined;
	let rings = 0;
	for (let at = 0; at < 3000; at += 50) {
		if (mayRing(last, at)) {
			last = at;
			rings++;
		}
	}

	t.is(rings, 1);
});

test('a clock set back does not silence the bell for good', (t) => {
	t.true(mayRing(10_000, 2000));
});
