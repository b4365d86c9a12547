// The history page asked for before the screen loaded (startup/first-page.ts), against the real
// reference server: shown in the very first frame, or taken over while still under way.
import http from 'node:http';
import test from 'ava';
import {render} from 'ink-testing-library';
import {ConnectedChatScreen} from '../../source/app.js';
import {
	awaitFirstPage,
	awaitSent,
	requestFirstPage,
	type FirstPage,
} from '../../source/startup/first-page.js';
import {labelsFor} from '../../source/look/i18n.js';
import type {MessagesPage} from '../../source/protocol/types.js';
import {waitForFrame, frameLines} from '../helpers/frames.js';
import {
	listenOnLoopback,
	startTestServer,
	waitFor,
	type Teardown,
} from '../helpers/server-harness.js';
import {seedMessages, shownMessages} from '../helpers/screen-harness.js';

const labels = labelsFor('en');

function screenWith(t: Teardown, url: string, firstPage: FirstPage, apiUrl = `${url}/api`) {
	const instance = render(
		<ConnectedChatScreen
			connection={{
				serverUrl: url,
				apiUrl,
				userId: 'u-alice',
				username: 'alice',
				firstPage,
			}}
			columns={100}
			rows={20}
			lang="en"
			labels={labels}
		/>,
	);
	t.teardown(() => {
		instance.unmount();
	});
	return instance;
}

test('a page that came before the screen is in its first frame, and nothing shows twice', async (t) => {
	const server = await startTestServer(t);
	await seedMessages(server.url, 1, 5);
	const firstPage = await awaitFirstPage(requestFirstPage(`${server.url}/api`).page, 5000);
	t.truthy(firstPage.page);
	const instance = screenWith(t, server.url, firstPage);
	const first = frameLines(instance.frames[0] ?? '');
	t.deepEqual(shownMessages(first), ['m001', 'm002', 'm003', 'm004', 'm005']);
	t.false(instance.frames[0]!.includes(labels.loadingHistory));
	// After the join the newest page is read again and merged: still each message once.
	await waitForFrame(instance.lastFrame, (frame) => frame.includes('alice joined'), 5000);
	t.deepEqual(shownMessages(frameLines(instance.lastFrame()!)), [
		'm001',
		'm002',
		'm003',
		'm004',
		'm005',
	]);
});

/** A REST front for `target` that counts the history pages asked for. */
async function countingApi(t: Teardown, target: string, {hold = false} = {}) {
	const counts = {pages: 0};
	const held: Array<() => void> = [];
	const front = http.createServer((request, response) => {
		if (request.url?.startsWith('/api/messages')) {
			counts.pages++;
			if (hold) {
				held.push(() => {
					forward(request, response);
				});
				return;
			}
		}

		forward(request, response);
	});
	const forward = (request: http.IncomingMessage, response: http.ServerResponse) => {
		const upstream = http.request(
			`${target}${request.url ?? '/'}`,
			{method: request.method, headers: request.headers},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		// The screen's sockets are cut at teardown, in the middle of whatever is under way.
		upstream.on('error', () => {
			response.destroy();
		});
		request.pipe(upstream);
	};

	return {
		url: `${await listenOnLoopback(t, front)}/api`,
		counts,
		release() {
			for (const answer of held.splice(0)) {
				answer();
			}
		},
	};
}

test('a page still under way is waited for, not asked for again', async (t) => {
	const server = await startTestServer(t);
	await seedMessages(server.url, 1, 3);
	const {page: pageRequest} = requestFirstPage(`${server.url}/api`);
	const page = await pageRequest;
	let release: (page: MessagesPage) => void = () => undefined;
	const request = new Promise<MessagesPage>((resolve) => {
		release = resolve;
	});
	const api = await countingApi(t, server.url);
	const instance = screenWith(t, server.url, {request}, api.url);
	// Joined, and no page asked for: the chat waits on the request it was given.
	await waitForFrame(instance.lastFrame, (frame) => frame.includes('alice joined'), 5000);
	t.is(api.counts.pages, 0);
	t.deepEqual(shownMessages(frameLines(instance.lastFrame()!)), []);
	release(page);
	await waitForFrame(
		instance.lastFrame,
		(frame) => shownMessages(frameLines(frame)).join(' ') === 'm001 m002 m003',
		5000,
	);
	// Then the join's look for what came in between: one page.
	await waitFor(() => api.counts.pages === 1, {description: 'the gap fill after the join'});
	t.deepEqual(shownMessages(frameLines(instance.lastFrame()!)), ['m001', 'm002', 'm003']);
});

test('a first page that failed is reported like any failed history load', async (t) => {
	const server = await startTestServer(t);
	const request = requestFirstPage('http://127.0.0.1:1/api').page;
	request.catch(() => undefined);
	const instance = screenWith(t, server.url, {request});
	await waitForFrame(instance.lastFrame, (frame) => frame.includes('127.0.0.1:1'), 10_000);
	t.false(instance.lastFrame()!.includes(labels.loadingHistory));
});

test('the request is known to have gone out before its answer comes', async (t) => {
	const server = await startTestServer(t);
	const api = await countingApi(t, server.url, {hold: true});
	const request = requestFirstPage(api.url);
	let answered = false;
	void request.page.then(() => {
		answered = true;
	});
	await request.sent;
	await waitFor(() => api.counts.pages === 1, {description: 'the request at the server'});
	t.false(answered, 'the answer is held back by the front');
	api.release();
	const page = await request.page;
	t.deepEqual(page.messages, []);
});

test('a request that cannot go out is waited for no longer than asked', async (t) => {
	// A listener that never accepts: the connection is never made.
	const request = requestFirstPage('http://127.0.0.1:1/api');
	request.page.catch(() => undefined);
	let sent = false;
	void request.sent.then(() => {
		sent = true;
	});
	await awaitSent(request, 50);
	t.false(sent);
});
