// The bot against the reference server: `chat-tui bot` as a process, two bots in one process (the
// loop guard), and examples/bot.ts run as a user would.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {startBot} from '../../source/subcommands/bot.js';
import {responses} from '../../source/subcommands/bot-rules.js';
import {tempConfigHome} from '../helpers/chat-terminal.js';
import {runCli, startCli} from '../helpers/cli-process.js';
import {connectClient, startTestServer, waitFor} from '../helpers/server-harness.js';

const patience = {timeoutMs: 20_000};
const peerUser = {userId: 'u-peer', username: 'peer'};

test('chat-tui bot greets, answers a mention (not itself), and says goodbye on SIGTERM', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: peerUser});
	const bot = await startCli(t, ['bot', '--server', server.url, '--name', 'testbot']);
	const greeting = await peer.waitForMessage((message) => message.sender === 'testbot', patience);
	t.is(greeting.content, 'Hello everyone! I am testbot: mention @testbot to chat with me.');

	peer.send('hey @TestBot, how are you?');
	const reply = await peer.waitForMessage(
		(message) => message.sender === 'testbot' && message !== greeting,
		patience,
	);
	t.true(reply.content.startsWith('@peer '), `reply: ${reply.content}`);
	t.true(responses.en.includes(reply.content.slice('@peer '.length)), `reply: ${reply.content}`);
	// Its greeting names it and came first: had it answered itself, that reply would precede.
	const fromBot = peer.received.messages.filter((message) => message.sender === 'testbot');
	t.deepEqual(fromBot, [greeting, reply]);

	peer.send('testbots are not it');
	peer.send('@testbot again');
	await peer.waitForMessage((message) => message.content.startsWith('@peer ') && message !== reply);
	t.is(
		peer.received.messages.filter((message) => message.sender === 'testbot').length,
		3,
		'no answer to a message that does not mention it',
	);

	bot.kill('SIGTERM');
	const goodbye = await peer.waitForMessage((message) => message.content.includes('Goodbye'));
	t.is(goodbye.content, 'testbot is going offline. Goodbye!');
	t.like(await bot.exited, {code: 0});
	t.regex(bot.stderr(), /chat-tui bot: testbot joined http:\/\/127\.0\.0\.1:\d+\n/);
});

test('chat-tui bot --rules answers from the file; zh greets as the guide does', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: peerUser});
	const rules = path.join(await tempConfigHome(t), 'rules.txt');
	await writeFile(rules, '# replies\nping => pong 🏓\n* => 我不知道\n');
	await startCli(t, ['bot', '--server', server.url, '--rules', rules, '--lang', 'zh']);
	const greeting = await peer.waitForMessage(
		(message) => message.sender === '聊天机器人',
		patience,
	);
	t.is(greeting.content, '大家好！我是聊天机器人，@我可以跟我聊天哦！');
	peer.send('@聊天机器人 ping');
	await peer.waitForMessage((message) => message.content === '@peer pong 🏓', patience);
	peer.send('聊天机器人你好');
	await peer.waitForMessage((message) => message.content === '@peer 我不知道', patience);
	t.pass();
});

test('chat-tui bot with a bad rules file is a usage error naming the line', async (t) => {
	const rules = path.join(await tempConfigHome(t), 'rules.txt');
	await writeFile(rules, 'ping => pong\nbroken line\n');
	const bad = await runCli(t, ['bot', '--rules', rules, '--server', 'http://127.0.0.1:9']);
	t.is(bad.code, 2);
	t.is(bad.stderr, `chat-tui: ${rules}: line 2 is not "keyword => reply": "broken line"\n`);
	const missing = await runCli(t, ['bot', '--rules', `${rules}.nope`]);
	t.is(missing.code, 2);
	t.regex(missing.stderr, /^chat-tui: --rules: cannot read .*rules\.txt\.nope \(ENOENT\)\n$/);
});

test('two bots that answer each other stop: the limiter ends the loop', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: peerUser});
	const limits = {perSender: 2, overall: 100, windowMs: 60_000};
	const refusals: string[] = [];
	const log = (line: string) => {
		if (line.startsWith('not answering')) {
			refusals.push(line);
		}
	};

	const startAnswering = async (name: string, reply: string) =>
		startBot({
			serverUrl: server.url,
			name,
			lang: 'en',
			rules: [{keyword: '*', reply}],
			limits,
			typingMs: {min: 0, max: 0},
			log,
		});
	const ping = await startAnswering('ping', 'over to you @pong');
	const pong = await startAnswering('pong', 'back to you @ping');
	t.teardown(async () => {
		await Promise.all([ping.stop({farewell: false}), pong.stop({farewell: false})]);
	});
	peer.send('@ping start');
	await waitFor(() => refusals.length > 0, patience);
	await peer.roundTrip();
	const chatter = peer.received.messages.filter(
		(message) => message.content.startsWith('@ping') || message.content.startsWith('@pong'),
	);
	// ping answers peer, then pong and ping answer each other twice each before one refuses; each
	// says once that it is slowing down, which the other may answer once.
	t.true(chatter.length <= 1 + 2 * limits.perSender + 3, `${chatter.length} replies`);
	t.regex(refusals[0]!, /^not answering (ping|pong): too many replies, too fast$/);
});

test('examples/bot.ts, the guide bot on the SDK, greets and answers a mention', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: peerUser});
	const example = await startCli(t, [server.url, 'helper'], {
		command: {file: process.execPath, args: ['--import', 'tsx', 'examples/bot.ts']},
	});
	await peer.waitForMessage((message) => message.sender === 'helper', patience);
	peer.send('@helper hello');
	const reply = await peer.waitForMessage(
		(message) => message.sender === 'helper' && message.content.startsWith('@peer'),
		patience,
	);
	t.true(responses.zh.includes(reply.content.slice('@peer '.length)), `reply: ${reply.content}`);
	example.kill('SIGINT');
	await peer.waitForMessage((message) => message.content === '机器人下线了，下次再见！', patience);
	t.like(await example.exited, {code: 0});
});

test('the guide bot in Chinese: 机器人 is its trigger, it types 1-3 s, says once that it slows down, ignores e-mail addresses', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: peerUser});
	const bot = await startBot({
		serverUrl: server.url,
		lang: 'zh',
		limits: {perSender: 1, overall: 100, windowMs: 60_000},
	});
	t.teardown(async () => bot.stop({farewell: false}));
	await peer.waitForMessage((message) => message.sender === '聊天机器人', patience);

	peer.send('写信给 chatbot@example.com 或 聊天机器人@example.com');
	const asked = Date.now();
	peer.send('你好机器人');
	const answer = await peer.waitForMessage(
		(message) => message.sender === '聊天机器人' && message.content.startsWith('@peer '),
		patience,
	);
	const waited = Date.now() - asked;
	t.true(waited >= 1000, `typed for ${waited} ms`);
	t.true(responses.zh.includes(answer.content.slice('@peer '.length)), `${answer.content}`);

	peer.send('机器人？');
	peer.send('机器人！！');
	const slow = await peer.waitForMessage(
		(message) => message.sender === '聊天机器人' && message.content.includes('歇一会儿'),
		patience,
	);
	t.is(slow.content, '@peer 消息太多了，我先歇一会儿，过一阵再回复你。');
	peer.send('last one');
	await peer.waitForMessage((message) => message.content === 'last one');
	await peer.roundTrip();
	const fromBot = peer.received.messages.filter(
		(message) => message.sender === '聊天机器人' && message.content.startsWith('@peer'),
	);
	t.is(
		fromBot.length,
		2,
		'one answer, one notice: the e-mail addresses and the muted asks got none',
	);
});
