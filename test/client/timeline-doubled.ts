// Found by the end-to-end test against a server whose ids restart (test/e2e/quirky-servers.ts):
// once the timeline holds a message twice, the next newest run no longer meets what is held, and
// the whole run is stitched on again.
import test from 'ava';
import {
	addLive,
	connected,
	emptyTimeline,
	meetsHeld,
	stitchNewest,
} from '../../source/client/timeline.js';
import type {Message, SafeText} from '../../source/protocol/types.js';

const safe = (text: string) => text as SafeText;
const text = (sender: string, content: string): Message => ({
	type: 'text',
	content: safe(content),
	time: 0,
	timeMicros: 0,
	sender: safe(sender),
	senderId: safe(`u-${sender}`),
});
const joined: Message = {type: 'system', content: safe('me joined'), time: 0, timeMicros: 0};

/*
How it came about: the full-screen chat held live events for a frame but applied a history answer
at once, so the first page (asked after the join) was stitched before the live join notice the
server wrote before answering, and the notice, when it came, was appended again. That is fixed
(hooks/use-chat.ts applies the buffered live events first). But a timeline that holds a message
twice, however it came to, is no run of the server's log, and no newest run meets it: the
catch-up then pages back to the oldest message, and where it gets there the log's own copy takes
the place of what was held before the chain, instead of being stitched on a second time.
*/
test('a message held twice heals once a catch-up reaches the oldest message', (t) => {
	const one = {...text('bob', 'one'), id: safe('1')};
	const two = {...text('bob', 'two'), id: safe('2')};
	const joinedOnce = {...joined, id: safe('3')};
	const three = {...text('carol', 'three'), id: safe('4')};
	// However it came to be (before the fix, the chat's own join notice, page first, then live):
	let {timeline} = addLive(connected(emptyTimeline), [one, two, joinedOnce, joinedOnce]);
	t.deepEqual(
		timeline.messages.map(({content}) => content),
		['one', 'two', 'me joined', 'me joined'],
		'held twice',
	);
	// A reconnect; carol's line comes live, then the newest page holds it too.
	timeline = connected(timeline);
	timeline = addLive(timeline, [three]).timeline;
	const run = [one, two, joinedOnce, three];
	t.false(meetsHeld(timeline, run, 4), 'what is held is no run of the log: no page meets it');
	// Not the whole log: stitched on as a gap, as before (the catch-up would go on paging).
	// The whole log: it takes the place of what was held before the chain.
	const healed = stitchNewest(timeline, run, 4, true).timeline;
	t.deepEqual(
		healed.messages.map(({content}) => content),
		['one', 'two', 'me joined', 'three'],
	);
	// And the next reconnect meets it again.
	const again = connected(healed);
	t.true(meetsHeld(again, run, 4));
	t.deepEqual(stitchNewest(again, run, 4).added, []);
});
