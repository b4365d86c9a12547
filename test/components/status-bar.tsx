import test from 'ava';
import {render} from 'ink-testing-library';
import {connectionLabel, StatusBar} from '../../source/components/status-bar.js';
import {labelsFor} from '../../source/look/i18n.js';
import type {Lang} from '../../source/cli/options.js';
import type {ConnectionState} from '../../source/protocol/socket-client.js';
import {textWidth} from '../../source/state/wrap.js';
import {waitForFrame} from '../helpers/frames.js';
import {safe} from '../helpers/messages.js';

type Props = {
	readonly connection: ConnectionState;
	readonly rttMs?: number;
	readonly width?: number;
	readonly note?: string;
	readonly lang?: Lang;
	readonly username?: string;
};
function Bar({connection, rttMs, width = 80, note, lang = 'en', username = 'alice'}: Props) {
	return (
		<StatusBar
			server="http://chat.example:3000"
			connection={connection}
			rttMs={rttMs}
			username={username}
			width={width}
			labels={labelsFor(lang)}
			note={note}
		/>
	);
}

const online: ConnectionState = {status: 'online'};

test('online: the server without its scheme, the round-trip time and the name', (t) => {
	const {lastFrame, unmount} = render(<Bar connection={online} rttMs={12} />);
	t.is(lastFrame()!.trimEnd(), ' chat.example:3000 │ ● online 12 ms │ alice');
	unmount();
});

test('online before the first ping: no time shown', (t) => {
	const {lastFrame, unmount} = render(<Bar connection={online} />);
	t.is(lastFrame()!.trimEnd(), ' chat.example:3000 │ ● online │ alice');
	unmount();
});

test('connecting and offline', (t) => {
	const connecting = render(<Bar connection={{status: 'connecting'}} />);
	t.true(connecting.lastFrame()!.includes('│ ◌ connecting… │'));
	connecting.unmount();
	const offline = render(<Bar connection={{status: 'offline', reason: safe('gave up')}} />);
	t.true(offline.lastFrame()!.includes('│ ○ offline │'));
	t.false(offline.lastFrame()!.includes('online'));
	offline.unmount();
});

test('Chinese labels', (t) => {
	const {lastFrame, unmount} = render(<Bar connection={online} rttMs={7} lang="zh" />);
	t.true(lastFrame()!.includes('● 在线 7 ms'));
	unmount();
});

test('a long Chinese name is whole while the bar has room, and cut only when it has not', (t) => {
	const name = '欧阳娜娜的另一个很长很长的名字';
	const wide = render(<Bar connection={online} username={name} width={100} />);
	t.is(wide.lastFrame()!.trimEnd(), ` chat.example:3000 │ ● online │ ${name}`);
	wide.unmount();
	const narrow = render(<Bar connection={online} username={name} width={50} />);
	const frame = narrow.lastFrame()!;
	t.true(textWidth(frame) <= 50, `${frame}`);
	t.regex(frame, /│ 欧阳娜娜\S*…/);
	narrow.unmount();
});

test('a note follows the name, and a long one is cut so the bar keeps its width', (t) => {
	const short = render(<Bar connection={online} note="3 queued" />);
	t.is(short.lastFrame()!.trimEnd(), ' chat.example:3000 │ ● online │ alice  3 queued');
	short.unmount();

	const long = render(<Bar connection={online} width={60} note={'could not send: '.repeat(10)} />);
	const frame = long.lastFrame()!;
	t.true(textWidth(frame) <= 60, `${frame}`);
	t.true(textWidth(frame.trimEnd()) >= 50, `the note uses the room there is: ${frame}`);
	t.true(frame.trimEnd().endsWith('…'), `${frame}`);
	t.true(frame.includes('could not send'), `${frame}`);
	long.unmount();

	// Cut after a whole word, never in the middle of one.
	const error =
		'could not load older messages: the server at chat.example did not answer within 10 s, so it tries again later';
	const cut = render(<Bar connection={online} width={80} note={error} />);
	const shown = cut.lastFrame()!.split('alice  ')[1]!.trimEnd();
	t.true(shown.endsWith('…'), `${shown}`);
	t.true(error.startsWith(shown.slice(0, -1)), `${shown}`);
	t.true(error.slice(shown.length - 1).startsWith(' '), `cut after a whole word: ${shown}`);
	cut.unmount();
});

test('connectionLabel says which attempt and how long until the next', (t) => {
	const labels = labelsFor('en');
	const reconnecting: ConnectionState = {
		status: 'reconnecting',
		attempt: 3,
		retryAt: 0,
		reason: safe('transport close'),
	};
	t.is(
		connectionLabel(reconnecting, {secondsLeft: 4}, labels).text,
		'◌ reconnecting (try 3, retry in 4 s)',
	);
	t.is(connectionLabel(reconnecting, {}, labels).text, '◌ reconnecting (try 3)');
	t.is(connectionLabel(online, {rttMs: 20}, labels).text, '● online 20 ms');
	t.is(
		connectionLabel(reconnecting, {secondsLeft: 2}, labelsFor('zh')).text,
		'◌ 重连中（第 3 次，2 秒后重试）',
	);
});

// Serial: it replaces Date.now, which the countdown reads. The frame poll uses performance.now.
test.serial('reconnecting counts the seconds down to the next attempt', async (t) => {
	const realNow = Date.now;
	let now = 1_000_000;
	Date.now = () => now;
	const connection: ConnectionState = {
		status: 'reconnecting',
		attempt: 2,
		retryAt: now + 5000,
		reason: safe('transport close'),
	};
	const {lastFrame, unmount} = render(<Bar connection={connection} />);
	try {
		t.true(lastFrame()!.includes('◌ reconnecting (try 2, retry in 5 s) │ alice'), `${lastFrame()}`);
		now += 2000;
		// The countdown re-reads the clock once a second.
		const frame = await waitForFrame(
			lastFrame,
			(current) => current.includes('retry in 3 s'),
			5000,
		);
		t.true(frame.includes('(try 2, retry in 3 s)'));
		now += 10_000;
		const late = await waitForFrame(lastFrame, (current) => current.includes('retry in 0 s'), 5000);
		t.false(late.includes('retry in -'), 'never a negative count');
	} finally {
		unmount();
		Date.now = realNow;
	}
});
