// Paging through the real reference server's REST API while messages keep arriving.
import test from 'ava';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {fetchNewer, fetchNewest, fetchOlder} from '../../source/client/history-paging.js';
import {chatReducer, initialChatState, type ChatState} from '../../source/state/chat-state.js';
import {extendsOlder, meetsEnd, meetsStart} from '../../source/client/timeline.js';
import {olderOffset, timelineOf} from '../../source/state/paging.js';
import {requestJson, startTestServer} from '../helpers/server-harness.js';

const bob = {userId: 'u-bob', username: 'bob'};

async function post(url: string, content: string) {
	const answer = await requestJson(`${url}/api/messages`, {
		method: 'POST',
		body: {...bob, content, type: 'text'},
	});
	if (answer.status !== 201) {
		throw new Error(`seeding failed: ${answer.status}`);
	}
}

async function setup(t: Parameters<typeof startTestServer>[0], count: number) {
	const server = await startTestServer(t);
	for (let n = 1; n <= count; n++) {
		await post(server.url, `m${String(n).padStart(3, '0')}`);
	}

	const api = new ChatRestApi({baseUrl: `${server.url}/api`});
	const fetchPage = async (page: {limit: number; offset: number}) => api.getMessages(page);
	const first = await api.getMessages({limit: 20, offset: 0});
	const state = chatReducer(initialChatState({userId: 'u-me', username: 'me'}), {
		type: 'history-loaded',
		messages: first.messages,
		total: first.total,
	});
	return {server, api, fetchPage, state};
}

const contents = (state: ChatState) => state.messages.map((message) => message.content);

test('paging back to the first message while messages arrive: all of them, once each', async (t) => {
	const {server, fetchPage, state: first} = await setup(t, 120);
	let state = first;
	let arrivals = 0;
	while (state.older !== 'start') {
		// Three new messages between every two pages shift the server's offsets by three.
		for (let n = 0; n < 3; n++) {
			await post(server.url, `new${++arrivals}`);
		}

		const held = timelineOf(state);
		const page = await fetchOlder({
			fetchPage,
			isNew: (page) => extendsOlder(held, page),
			meets: (page) => meetsStart(held, page),
			pageSize: 20,
			firstOffset: olderOffset(state),
		});
		state = chatReducer(state, {type: 'older-loaded', ...page});
	}

	const seen = contents(state);
	const expected = Array.from({length: 120}, (_, n) => `m${String(n + 1).padStart(3, '0')}`);
	t.deepEqual(seen, expected, 'every message from the first, in order, none twice');
});

test('a page that brings nothing new is skipped, not taken for the beginning', async (t) => {
	const {fetchPage, state} = await setup(t, 100);
	// A count that falls far short of what we hold: the first pages only overlap.
	const page = await fetchOlder({
		fetchPage,
		isNew: (page) => extendsOlder(timelineOf(state), page),
		meets: (page) => meetsStart(timelineOf(state), page),
		pageSize: 10,
		firstOffset: 0,
	});
	t.false(page.complete);
	// We hold m081…m100: the page goes past them, and still meets them.
	const shown: string[] = page.messages.map((message) => message.content);
	t.true(shown.includes('m080') && shown.includes('m081'), `${shown.join(' ')}`);
});

test('a server that caps its pages at 3 is still paged through: the overlap shrinks with the page', async (t) => {
	const {fetchPage, state} = await setup(t, 100);
	let requests = 0;
	// We hold m081…m100, and the count falls short by all of them: every page starts inside.
	const page = await fetchOlder({
		async fetchPage(request) {
			requests++;
			return fetchPage({...request, limit: 3});
		},
		isNew: (page) => extendsOlder(timelineOf(state), page),
		meets: (page) => meetsStart(timelineOf(state), page),
		pageSize: 3,
		firstOffset: 0,
		maxPages: 12,
	});
	const shown: string[] = page.messages.map((message) => message.content);
	t.true(shown.includes('m080') && shown.includes('m081'), `${shown.join(' ')}`);
	t.true(requests <= 12, `${requests} requests`);
});

test('a count one too high (a message held twice) leaves no gap: the page found meets what is held', async (t) => {
	const {fetchPage, state: first} = await setup(t, 100);
	let state = first;
	// We hold m081…m100 and believe there is one more: as when a message is held twice.
	const page = await fetchOlder({
		fetchPage,
		isNew: (page) => extendsOlder(timelineOf(state), page),
		meets: (page) => meetsStart(timelineOf(state), page),
		pageSize: 10,
		firstOffset: olderOffset(state) + 5,
	});
	state = chatReducer(state, {type: 'older-loaded', ...page});
	const held: string[] = contents(state);
	const from = held.indexOf('m080');
	t.true(from !== -1, `the message just before what was held: ${held.join(' ')}`);
	t.deepEqual(
		held.slice(from),
		Array.from({length: 21}, (_, n) => `m${String(80 + n).padStart(3, '0')}`),
		'no gap, none twice',
	);
});

test('an older page that meets nothing held (the server started its log again) is taken as it is', async (t) => {
	const {fetchPage} = await setup(t, 100);
	// What we hold came from the log the server had before it started again.
	const before = await startTestServer(t);
	await post(before.url, 'from before the restart');
	const old = await new ChatRestApi({baseUrl: `${before.url}/api`}).getMessages({
		limit: 20,
		offset: 0,
	});
	const elsewhere = chatReducer(initialChatState({userId: 'u-me', username: 'me'}), {
		type: 'history-loaded',
		messages: old.messages,
		total: 300,
	});
	let requests = 0;
	const page = await fetchOlder({
		async fetchPage(request) {
			requests++;
			return fetchPage(request);
		},
		isNew: (page) => extendsOlder(timelineOf(elsewhere), page),
		meets: (page) => meetsStart(timelineOf(elsewhere), page),
		pageSize: 10,
		firstOffset: 50,
	});
	t.is(page.messages.length, 10);
	t.true(requests <= 5, `a bounded search: ${requests} requests`);
});

test('the page after our newest is found even when the count of newer ones falls short', async (t) => {
	const {server, fetchPage, state} = await setup(t, 60);
	// We hold m041…m060; 15 more arrive that we did not count.
	for (let n = 1; n <= 15; n++) {
		await post(server.url, `later${n}`);
	}

	const page = await fetchNewer({
		fetchPage,
		meets: (page) => meetsEnd(timelineOf(state), page),
		pageSize: 10,
		missing: 5,
	});
	t.false(page.replace);
	const shown: string[] = page.messages.map((message) => message.content);
	t.true(shown.includes('m060'), `overlaps what we hold: ${shown.join(' ')}`);
	t.true(shown.includes('later1'), `and goes on from there: ${shown.join(' ')}`);
	t.is(page.newerThanPage, 15 - shown.filter((content) => content.startsWith('later')).length);
	const newest = await fetchNewest({fetchPage, pageSize: 5});
	t.deepEqual(
		newest.messages.map((message) => message.content),
		['later11', 'later12', 'later13', 'later14', 'later15'],
	);
	t.true(newest.replace);
});

test('a server that ignores the offset makes paging fail, not loop forever', async (t) => {
	const {api, state} = await setup(t, 100);
	let requests = 0;
	const error = await t.throwsAsync(
		fetchOlder({
			async fetchPage({limit}) {
				requests++;
				return api.getMessages({limit, offset: 0});
			},
			isNew: (page) => extendsOlder(timelineOf(state), page),
			meets: (page) => meetsStart(timelineOf(state), page),
			pageSize: 10,
			firstOffset: olderOffset(state),
			maxPages: 5,
		}),
	);
	t.regex(error?.message ?? '', /5 pages of history brought nothing older/);
	t.is(requests, 5);
});
