// Web links in messages as terminal hyperlinks (OSC 8), made by chat-tui from sanitized text.
import test from 'ava';
import {startTestServer} from '../helpers/server-harness.js';
import {
	logLines,
	screenRows,
	seedMessage,
	startChat,
	startRaw,
	waitForOnline,
} from '../helpers/chat-terminal.js';

const bob = {userId: 'u-bob', username: 'bob'};
const esc = '\u001B';
const st = `${esc}\\`;

/** Every OSC 8 that opens a link in the output: its id and URI, in order. */
function linksOpened(raw: string): Array<{id: string; uri: string}> {
	return [...raw.matchAll(/\u001B]8;id=([^;\u001B]*);([^\u001B\u0007]+)\u001B\\/g)].map(
		(match) => ({id: match[1]!, uri: match[2]!}),
	);
}

test('a URL is an OSC 8 link, underlined; a server’s own OSC 8 leaves no trace', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	const from = terminal.raw().length;
	await seedMessage(server.url, bob, 'docs at https://example.com/guide?page=2#top, then lunch');
	await seedMessage(
		server.url,
		bob,
		`own ${esc}]8;;https://evil.example/${st}click${esc}]8;;${st} link`,
	);
	await terminal.waitFor((screen) => screen.includes('bob  own click link'), 'both messages');
	const written = terminal.raw().slice(from);
	const opened = linksOpened(written);
	t.deepEqual(
		[...new Set(opened.map((link) => link.uri))],
		['https://example.com/guide?page=2#top'],
		'the URL without the comma after it',
	);
	// The link's text, underlined (SGR 4), then the link closed.
	t.regex(
		written,
		/\u001B]8;id=ct\w+;https:\/\/example\.com\/guide\?page=2#top\u001B\\(?:\u001B\[[\d;]*m)*https:\/\/example\.com\/guide\?page=2#top/,
	);
	t.regex(
		written,
		/\u001B\[(?:[\d;]*;)?4(?:;[\d;]*)?m(?:\u001B]8;[^\u0007\u001B]*(?:\u0007|\u001B\\))?https:\/\/example/,
		'underlined',
	);
	// What the terminal made of it: one link over the URL's cells, and no other.
	t.deepEqual(
		terminal.links().map(({text, uri}) => ({text, uri})),
		[{text: 'https://example.com/guide?page=2#top', uri: 'https://example.com/guide?page=2#top'}],
	);
	t.true(written.includes(`${esc}]8;;${st}`), 'the link is closed');
	t.false(written.includes('evil.example'), 'the server’s own link is gone, URI and all');
	t.false(written.includes(`${esc}]8;;https`));
});

test('a link wrapped over two rows is one link: the same id and URI on both', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		userId: 'u-alice',
		cols: 50,
	});
	await waitForOnline(terminal);
	const from = terminal.raw().length;
	// Longer than the 30 cells beside the time and the nick column, shorter than two rows.
	const uri = 'https://example.com/a/long/path/that/wraps/over/two/rows';
	await seedMessage(server.url, bob, uri);
	await terminal.waitFor((screen) => screen.includes('/two/rows'), 'the link on screen');
	const rows = logLines(screenRows(terminal.screenText()));
	const first = rows.findIndex((row) => row.includes('https://example.com'));
	t.true(first !== -1 && !rows[first]!.includes('/two/rows'), 'the URL is wrapped');
	const opened = linksOpened(terminal.raw().slice(from)).filter((link) => link.uri === uri);
	t.is(new Set(opened.map((link) => link.id)).size, 1, 'written with one id');
	// In the terminal: a run of link cells on each of the two rows, one id, one URI.
	const runs = terminal.links();
	t.is(runs.length, 2, 'a run on each row');
	t.deepEqual(
		runs.map((run) => run.row - runs[0]!.row),
		[0, 1],
		'on two rows in a row',
	);
	t.is(runs.map((run) => run.text).join(''), uri, 'the whole URL');
	t.is(new Set(runs.map((run) => `${run.id} ${run.uri}`)).size, 1, 'one id and URI');
	t.is(runs[0]!.uri, uri);
});

test('--no-links prints URLs as plain text', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startRaw(t, [
		'--server',
		server.url,
		'--name',
		'alice',
		'--user-id',
		'u-alice',
		'--no-links',
	]);
	await waitForOnline(terminal);
	await seedMessage(server.url, bob, 'see https://example.com/x');
	await terminal.waitFor((screen) => screen.includes('bob  see https://example.com/x'), 'the URL');
	t.false(terminal.raw().includes(`${esc}]8;`));
});
