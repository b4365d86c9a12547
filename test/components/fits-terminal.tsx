/**
 * Every frame fits the terminal: no line wider than the columns (so nothing wraps into the next
 * row or pane), no more lines than the rows, at the sizes people use down to the minimum, with
 * long names and notes, in every pane and in the help, in Unicode and in ASCII.
 */
import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {App} from '../../source/app.js';
import {displayFor, type Display} from '../../source/look/display.js';
import {frameLines, waitForFrame} from '../helpers/frames.js';
import {keys} from '../helpers/keys.js';
import {seedMessages} from '../helpers/screen-harness.js';
import {
	connectClient,
	requestJson,
	startTestServer,
	type TestServer,
} from '../helpers/server-harness.js';

const longName = 'maximilian-alexander-the-very-long-named';
const otherName = 'bartholomew-with-an-even-longer-name-than-that';
const sizes = [
	{columns: 80, rows: 24},
	{columns: 59, rows: 20},
	{columns: 49, rows: 15},
	{columns: 40, rows: 10},
] as const;

const unicode = displayFor({theme: 'dark', color: true, ascii: false, timeFormat: 'HH:MM:SS'});
const ascii = displayFor({theme: 'light', color: false, ascii: true, timeFormat: 'HH:MM'});

/** A server with history: a long message, a long-named sender, a mention, a system notice. */
async function busyServer(t: ExecutionContext): Promise<TestServer> {
	const server = await startTestServer(t);
	await seedMessages(server.url, 1, 30);
	await requestJson(`${server.url}/api/messages`, {
		method: 'POST',
		body: {
			userId: 'u-other',
			username: otherName,
			content: `${longName}: ${'a long line that has to wrap several times '.repeat(4)}`,
			type: 'text',
		},
	});
	await requestJson(`${server.url}/api/broadcast`, {
		method: 'POST',
		body: {content: 'maintenance at noon; this notice is long enough to wrap in a narrow log'},
	});
	const other = await connectClient(t, server.url, {
		user: {userId: 'u-other', username: otherName},
	});
	await other.roundTrip();
	return server;
}

/** Fails with the offending line when a frame is too wide or too tall. */
function assertFits(
	t: {true(value: boolean, message?: string): void},
	frame: string,
	size: {columns: number; rows: number},
	label: string,
) {
	const lines = frame.split('\n');
	t.true(lines.length <= size.rows, `${label}: ${lines.length} lines for ${size.rows} rows`);
	for (const line of lines) {
		t.true(
			stringWidth(line) <= size.columns,
			`${label}: ${stringWidth(line)} cells > ${size.columns}: ${JSON.stringify(line)}`,
		);
	}
}

async function checkSize(
	t: ExecutionContext,
	server: TestServer,
	size: {columns: number; rows: number},
	display: Display,
) {
	const instance = render(
		<App
			insecure
			serverUrl={server.url}
			apiUrl={`${server.url}/api`}
			userId="u-long"
			name={longName}
			defaultName="x"
			lang="en"
			columns={size.columns}
			rows={size.rows}
			display={display}
		/>,
	);
	t.teardown(() => {
		instance.unmount();
	});
	const label = `${size.columns}x${size.rows}${display.glyphs.ascii ? ' ascii' : ''}`;
	const settled = await waitForFrame(
		instance.lastFrame,
		(frame) => frame.includes('online') && frame.includes('noon'),
	);
	const marker = display.glyphs.text('▸');
	const panel = size.columns >= 60;
	const steps = [
		['log focus', keys.tab, `${marker} log`],
		// Without the panel, Tab goes from the log back to the input line.
		['users focus', keys.tab, panel ? `${marker} Online` : 'Type a message'],
		// The footer says "more below", or "N new" when our own join notice comes in meanwhile.
		['scrolled up', `${keys.tab}${keys.pageUp}`, /more below|\d+ new/],
		['help', keys.f1, 'Keys and commands'],
	] as const;
	const states: Array<[string, string]> = [['log', settled]];
	for (const [name, key, shows] of steps) {
		instance.stdin.write(key);
		const showing = (frame: string) =>
			typeof shows === 'string' ? frame.includes(shows) : shows.test(frame);
		states.push([name, await waitForFrame(instance.lastFrame, showing)]);
	}

	for (const [name, frame] of states) {
		assertFits(t, frame, size, `${label} ${name}`);
		if (display.glyphs.ascii) {
			// Names, messages and labels here are all ASCII: so must be every border and mark.
			t.regex(frame, /^[\u0020-\u007E\n]*$/, `${label} ${name}: non-ASCII in\n${frame}`);
		}
	}

	return frameLines(settled);
}

for (const size of sizes) {
	for (const display of [unicode, ascii]) {
		const name = `${size.columns}x${size.rows}${display.glyphs.ascii ? ', ASCII' : ''}: every frame fits`;
		test(name, async (t) => {
			const server = await busyServer(t);
			const lines = await checkSize(t, server, size, display);
			const log = lines.slice(0, -2).join('\n');
			// The user list from 60 columns on; the time column from 50.
			t.is(log.includes('Online ('), size.columns >= 60, 'user list');
			const clock = display.timeFormat === 'HH:MM:SS' ? /\d\d:\d\d:\d\d / : /\d\d:\d\d /;
			t.is(clock.test(log), size.columns >= 50, 'time column');
		});
	}
}
