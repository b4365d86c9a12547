import {appendFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {connectClient, requestJson, startTestServer} from '../helpers/server-harness.js';

async function temporaryDirectory(t: {teardown(callback: () => unknown): void}) {
	const directory = await mkdtemp(path.join(tmpdir(), 'chat-tui-server-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	return directory;
}

async function post(url: string, content: string) {
	const {status, body} = await requestJson(`${url}/api/messages`, {
		method: 'POST',
		body: {userId: 'u1', username: 'writer', content, type: 'text'},
	});
	if (status !== 201) {
		throw new Error(`post answered ${status}`);
	}

	return body.message as {id: string; content: string};
}

async function allMessages(url: string) {
	const {body} = await requestJson(`${url}/api/messages?limit=500`);
	return body as {
		total: number;
		messages: Array<{id: string; content: string; type: string}>;
	};
}

test('messages survive a restart; malformed lines are skipped; ids are never reused', async (t) => {
	const directory = await temporaryDirectory(t);
	// The parent directory does not exist yet.
	const dataFile = path.join(directory, 'nested', 'messages.jsonl');

	const first = await startTestServer(t, {dataFile});
	const client = await connectClient(t, first.url, {
		user: {userId: 'u2', username: 'sock'},
	});
	client.send('from the socket');
	await client.waitForMessage((m) => m.content === 'from the socket');
	const posted = [await post(first.url, 'one'), await post(first.url, 'two')];
	const before = await allMessages(first.url);
	t.deepEqual(
		before.messages.map((m) => m.content),
		['sock joined', 'from the socket', 'one', 'two'],
	);
	// Shut down with the client still connected: its leave is not an event worth storing.
	await first.close();

	const stored = await readFile(dataFile, 'utf8');
	const lines = stored.trim().split('\n');
	t.is(lines.length, 4, 'the leave during shutdown is not recorded');
	await appendFile(
		dataFile,
		'this is not json\n{"id":"x","type":"text"}\n\n{"id":"1-1","type":"bogus","content":"c","time":"t"}\n',
	);
	// A line cut short by a crash, without its newline.
	await appendFile(dataFile, '{"id":"99-1","type":"text","cont');

	const second = await startTestServer(t, {dataFile});
	const reloaded = await allMessages(second.url);
	t.deepEqual(reloaded, before, 'same messages, same ids, same order');
	t.is(
		second.logs.filter((line) => line.includes('malformed')).length,
		4,
		'each malformed line is logged',
	);
	t.false(second.logs.some((line) => line.includes('this is not json')));

	const third = await post(second.url, 'three');
	const oldIds = new Set(before.messages.map((m) => m.id));
	t.false(oldIds.has(third.id));
	t.false(posted.some((message) => message.id === third.id));
	await second.close();

	// The file is still readable line by line after the cut line, and the new message is in it.
	const again = await startTestServer(t, {dataFile});
	const final = await allMessages(again.url);
	t.deepEqual(
		final.messages.map((m) => m.content),
		['sock joined', 'from the socket', 'one', 'two', 'three'],
	);
	t.is(new Set(final.messages.map((m) => m.id)).size, 5);
	const fourth = await post(again.url, 'four');
	t.false(final.messages.some((m) => m.id === fourth.id));
});

test('ids stay unique even when the stored ones come from a clock ahead of ours', async (t) => {
	const directory = await temporaryDirectory(t);
	const dataFile = path.join(directory, 'messages.jsonl');
	const future = Date.now() + 10_000_000;
	await writeFile(
		dataFile,
		`${JSON.stringify({id: `${future}-1`, type: 'system', content: 'old', time: new Date().toISOString()})}\n`,
	);
	const server = await startTestServer(t, {dataFile});
	const message = await post(server.url, 'new');
	t.not(message.id, `${future}-1`);
	t.true(Number(message.id.split('-')[0]) > future);
});

test('historyLimit bounds what is kept, also when reloading', async (t) => {
	const directory = await temporaryDirectory(t);
	const dataFile = path.join(directory, 'messages.jsonl');
	const server = await startTestServer(t, {dataFile, historyLimit: 3});
	for (const content of ['a', 'b', 'c', 'd', 'e']) {
		await post(server.url, content);
	}

	const live = await allMessages(server.url);
	t.is(live.total, 3);
	t.deepEqual(
		live.messages.map((m) => m.content),
		['c', 'd', 'e'],
	);
	t.is(server.messageCount(), 3);
	await server.close();

	const restarted = await startTestServer(t, {dataFile, historyLimit: 3});
	t.deepEqual(await allMessages(restarted.url), live);
	const bigger = await startTestServer(t, {dataFile, historyLimit: 10});
	const everything = await allMessages(bigger.url);
	t.is(everything.total, 5, 'the file keeps everything');
});

test('a data file that cannot be opened fails the start', async (t) => {
	const directory = await temporaryDirectory(t);
	await t.throwsAsync(startTestServer(t, {dataFile: directory}));
});
