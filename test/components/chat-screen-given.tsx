// The chat screen driven by a chat built here, with no server: the screen's input is a value of
// the Chat type whose state comes from the pure reducer, and whose actions this test records.
import test from 'ava';
import {render} from 'ink-testing-library';
import {useReducer} from 'react';
import {ChatScreen} from '../../source/components/chat-screen.js';
import type {Chat} from '../../source/hooks/use-chat.js';
import {labelsFor} from '../../source/look/i18n.js';
import {
	chatReducer,
	initialChatState,
	type ChatAction,
	type ChatState,
} from '../../source/state/chat-state.js';
import {frameLines, waitForFrame} from '../helpers/frames.js';
import {keys} from '../helpers/keys.js';
import {baseTime, message, safe} from '../helpers/messages.js';
import {inputLine, logRows} from '../helpers/screen-harness.js';

const me = {userId: 'u-alice', username: 'alice'};
const labels = labelsFor('en');

/** Online, with bob's "hi there" in the history. */
function startState(): ChatState {
	const actions: ChatAction[] = [
		{
			type: 'history-loaded',
			messages: [message({content: 'hi there', sender: 'bob', senderId: 'u-bob'})],
			total: 1,
		},
		{type: 'connection-changed', connection: {status: 'online'}},
	];
	let state = initialChatState(me);
	for (const action of actions) {
		state = chatReducer(state, action);
	}

	return state;
}

/**
 * A chat of the reducer's state: sending queues the line as useChat does (without a socket, it
 * stays "sending"); every call is recorded as "name argument".
 */
function startScreen(t: {teardown: (fn: () => void) => void}) {
	const calls: string[] = [];
	let dispatch: (action: ChatAction) => void = () => undefined;
	const record =
		(name: string) =>
		(...args: unknown[]) => {
			calls.push([name, ...args].join(' '));
		};

	function Given() {
		const [state, dispatchChat] = useReducer(chatReducer, undefined, startState);
		dispatch = dispatchChat;
		const chat: Chat = {
			state,
			send(content) {
				record('send')(content);
				dispatchChat({type: 'send-queued', content: safe(content), now: Date.now(), sent: true});
			},
			notice(level, text) {
				dispatchChat({type: 'notice', level, text: safe(text), now: Date.now()});
			},
			broadcast: record('broadcast'),
			rename: record('rename'),
			reconnect: record('reconnect'),
			clear() {
				record('clear')();
				dispatchChat({type: 'cleared'});
			},
			retryFailed: record('retryFailed'),
			loadOlder: record('loadOlder'),
			loadNewer: record('loadNewer'),
		};
		return (
			<ChatScreen
				chat={chat}
				server="http://chat.test"
				columns={80}
				rows={16}
				lang="en"
				labels={labels}
			/>
		);
	}

	const instance = render(<Given />);
	t.teardown(() => {
		instance.unmount();
	});
	const lines = () => frameLines(instance.lastFrame() ?? '');
	const waitFor = async (predicate: (lines: string[]) => boolean) =>
		waitForFrame(instance.lastFrame, (frame) => predicate(frameLines(frame)));
	const type = (...data: string[]) => {
		for (const each of data) {
			instance.stdin.write(each);
		}
	};

	return {
		calls,
		dispatch(action: ChatAction) {
			dispatch(action);
		},
		lines,
		waitFor,
		type,
	};
}

const logHas = (text: string) => (lines: string[]) =>
	logRows(lines).some((row) => row.includes(text));

test('the screen shows the chat it is given: its messages, its user, its server', async (t) => {
	const screen = startScreen(t);
	await screen.waitFor(logHas('bob  hi there'));
	const status = screen.lines().at(-2) ?? '';
	t.regex(status, /chat\.test .* alice$/);
});

test('typing and Enter call chat.send with the line; the echo shows it in the log', async (t) => {
	const screen = startScreen(t);
	await screen.waitFor(logHas('bob  hi there'));
	screen.type('hello all');
	await screen.waitFor((lines) => inputLine(lines) === '> hello all');
	screen.type(keys.enter);
	await screen.waitFor((lines) => !inputLine(lines).includes('hello all'));
	t.deepEqual(screen.calls, ['send hello all']);
	await screen.waitFor(logHas('alice (me)  hello all  (sending…)'));
	screen.dispatch({
		type: 'events-received',
		events: [
			{
				kind: 'message',
				message: message({content: 'hello all', at: Date.now() - baseTime}),
			},
		],
	});
	await screen.waitFor((lines) => !lines.some((line) => line.includes('sending')));
	t.true(logHas('alice (me)  hello all')(screen.lines()));
});

test('slash commands reach the chat: /me sends an action, /nick renames, /broadcast, /clear', async (t) => {
	const screen = startScreen(t);
	await screen.waitFor(logHas('bob  hi there'));
	for (const line of ['/me waves', '/nick carol', '/broadcast tea at four', '//slash', '/clear']) {
		screen.type(line);
		await screen.waitFor((lines) => inputLine(lines) === `> ${line}`);
		screen.type(keys.enter);
		await screen.waitFor((lines) => inputLine(lines) !== `> ${line}`);
	}

	t.deepEqual(screen.calls, [
		'send /me waves',
		'rename carol',
		'broadcast tea at four',
		'send /slash',
		'clear',
	]);
	await screen.waitFor((lines) => !logHas('bob  hi there')(lines));
});

test('an unknown command sends nothing and says so in the log', async (t) => {
	const screen = startScreen(t);
	await screen.waitFor(logHas('bob  hi there'));
	screen.type('/frobnicate', keys.enter);
	await screen.waitFor(logHas('unknown command "/frobnicate"'));
	t.deepEqual(screen.calls, []);
});
