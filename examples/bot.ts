/**
 * The original guide's bot ("机器人客户端示例"), written with chat-tui's SDK.
 *
 *   npx tsx examples/bot.ts [server-url] [bot-name]
 *
 * It greets when it has joined, answers messages that mention it with one of the guide's
 * responses, and says goodbye on Ctrl-C. Outside this repository, import from 'chat-tui'.
 * `chat-tui bot` is the packaged bot, with a rules file and a stricter loop guard.
 */
import process from 'node:process';
import {ChatClient, type Message} from '../source/sdk.js';

// The guide's RESPONSES.
const responses = [
	'你好！',
	'很高兴认识你！',
	'今天天气真不错！',
	'有什么我可以帮助你的吗？',
	'我是一个简单的聊天机器人。',
	'请告诉我更多关于你自己的事情。',
	'这个聊天室真热闹啊！',
];

const serverUrl = process.argv[2] ?? 'http://localhost:3000';
const botName = process.argv[3] ?? '聊天机器人';

// Joins under this id and name on every (re)connect; the id marks the bot's own messages.
const client = new ChatClient({
	url: serverUrl,
	username: botName,
	userId: `chatbot_${Math.floor(Date.now() / 1000)}`,
});

// At most one reply per sender every 5 seconds, so two bots cannot keep each other talking.
const lastReplyTo = new Map<string, number>();

function autoReply(message: Message): void {
	const sender = message.sender ?? '';
	const key = message.senderId ?? sender;
	const mentioned = message.content.toLowerCase().includes(botName.toLowerCase());
	// A text message from someone else that mentions the bot. Only live messages arrive here.
	if (message.type !== 'text' || message.senderId === client.userId || !mentioned) {
		return;
	}

	if (Date.now() - (lastReplyTo.get(key) ?? 0) < 5000) {
		return;
	}

	lastReplyTo.set(key, Date.now());
	const response = responses[Math.floor(Math.random() * responses.length)]!;
	// The promise settles on the server's echo; a failure is only logged.
	client.sendMessage(`@${sender} ${response}`).catch((error: unknown) => {
		console.error(`回复失败: ${(error as Error).message}`);
	});
}

client.on('message', autoReply);
client.on('joined', ({reconnect}) => {
	if (!reconnect) {
		void client.sendMessage(`大家好！我是${botName}，@我可以跟我聊天哦！`);
	}
});
client.on('state', (state) => {
	if (state.status === 'reconnecting') {
		console.error(`连接断开 (${state.reason})，重连中…`);
	}
});

try {
	await client.connect({timeoutMs: 30_000});
} catch (error: unknown) {
	console.error(`无法连接到服务器: ${(error as Error).message}`);
	client.close();
	process.exit(1);
}

console.log(`机器人 ${botName} 已启动...`);

async function stop(): Promise<void> {
	console.log('\n退出中...');
	try {
		await client.sendMessage('机器人下线了，下次再见！');
	} catch {
		// Not confirmed in time: leave anyway.
	}

	client.close();
	console.log('已断开连接');
	process.exit(0);
}

process.once('SIGINT', stop);
process.once('SIGTERM', stop);
