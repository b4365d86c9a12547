/**
 * The chat screen rendered with ink-testing-library against a real reference server on loopback:
 * keys go in through stdin, the frame comes out as text. Everything is closed at teardown.
 */
import {render} from 'ink-testing-library';
import {ConnectedChatScreen} from '../../source/app.js';
import {labelsFor} from '../../source/look/i18n.js';
import {frameLines, waitForFrame} from './frames.js';
import {requestJson, startTestServer, type Teardown, type TestServer} from './server-harness.js';

export type ScreenOptions = {
	/** Messages "m001" … in the server's history before the screen starts. */
	readonly seed?: number;
	readonly columns?: number;
	readonly rows?: number;
	readonly username?: string;
	readonly server?: TestServer;
	/** The longest line sent; default the screen's (the reference server's 2,000). */
	readonly maxLength?: number;
	/** The clock the bell's rate limit reads (a test's own, to move it on). */
	readonly now?: () => number;
};

export {bracketedPaste as paste, keys as keyCodes} from './keys.js';

export const seedMessages = async (url: string, from: number, to: number) => {
	for (let n = from; n <= to; n++) {
		const answer = await requestJson(`${url}/api/messages`, {
			method: 'POST',
			body: {
				userId: 'u-bob',
				username: 'bob',
				content: `m${String(n).padStart(3, '0')}`,
				type: 'text',
			},
		});
		if (answer.status !== 201) {
			throw new Error(`seeding failed: ${answer.status}`);
		}
	}
};

/** The newest messages in the server's history, oldest first. */
export async function storedContents(url: string, limit = 20): Promise<string[]> {
	const answer = await requestJson(`${url}/api/messages?limit=${limit}&offset=0`);
	return (answer.body.messages as Array<{content: string}>).map((message) => message.content);
}

export async function startScreen(t: Teardown, options: ScreenOptions = {}) {
	const server = options.server ?? (await startTestServer(t));
	await seedMessages(server.url, 1, options.seed ?? 0);
	const username = options.username ?? 'alice';
	const counts = {redraws: 0, bells: 0};
	const instance = render(
		<ConnectedChatScreen
			connection={{
				serverUrl: server.url,
				apiUrl: `${server.url}/api`,
				userId: `u-${username}`,
				username,
			}}
			columns={options.columns ?? 100}
			rows={options.rows ?? 20}
			lang="en"
			labels={labelsFor('en')}
			maxLength={options.maxLength}
			now={options.now}
			onRedraw={() => {
				counts.redraws++;
			}}
			onBell={() => {
				counts.bells++;
			}}
		/>,
	);
	t.teardown(() => {
		instance.unmount();
	});
	const frame = () => instance.lastFrame() ?? '';
	const lines = () => frameLines(frame());
	const waitFor = async (predicate: (frame: string) => boolean, timeoutMs = 20_000) =>
		waitForFrame(instance.lastFrame, predicate, timeoutMs);
	const waitForText = async (text: string) => waitFor((current) => current.includes(text));
	const type = (...data: string[]) => {
		for (const each of data) {
			instance.stdin.write(each);
		}
	};

	// Joined, and the history on screen.
	await waitForText(`system: ${username} joined`);
	return {server, counts, frame, lines, waitFor, waitForText, type};
}

export type Screen = Awaited<ReturnType<typeof startScreen>>;

/** The log pane's rows (left of the panel, above the status bar), right-trimmed. */
export function logRows(lines: readonly string[]): string[] {
	return lines.slice(0, -2).map((line) => (line.split('│')[0] ?? '').trimEnd());
}

/** The input line: the frame's last line. */
export const inputLine = (lines: readonly string[]) => lines.at(-1) ?? '';

/** The message contents ("m001") on screen in the log, top to bottom. */
export const shownMessages = (lines: readonly string[]) =>
	logRows(lines).flatMap((row) => /\bm\d{3}$/.exec(row)?.[0] ?? []);
