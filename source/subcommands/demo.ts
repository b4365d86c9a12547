import {rmSync} from 'node:fs';
import {mkdtemp, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {Lang} from '../look/i18n.js';
import {startServer} from '../server/index.js';
import {presenceWordsFor} from '../server/presence-words.js';
import {startBot} from './bot.js';
import type {UiOptions} from './ui.js';

/*
`chat-tui --demo`: the reference server in this process on a free loopback port, a little history
(a few people, Chinese and emoji included), the bot, and the full-screen chat on it. Everything
lives in a temporary directory, the demo's own config included, so the user's config is never
touched; it is removed on the way out.
*/

export type DemoOptions = {
	readonly name?: string;
	readonly lang: Lang;
	/** How the chat looks and which keys it takes, as the user's settings say. */
	readonly look?: Pick<UiOptions, 'display' | 'bell' | 'notify' | 'keys'>;
};

type Seed = {readonly minutesAgo: number; readonly sender?: string; readonly content: string};

function seeds(lang: Lang, botName: string): Seed[] {
	const system =
		lang === 'zh'
			? `欢迎来到 chat-tui 演示！@${botName} 会回答你；/help 查看按键和命令，/quit 退出。`
			: `Welcome to the chat-tui demo! Mention @${botName} to talk to the bot; /help lists keys and commands, /quit leaves.`;
	return [
		{minutesAgo: 42, sender: 'alice', content: 'Morning all! Is the deploy still on for today?'},
		{minutesAgo: 40, sender: '张伟', content: '是的，下午三点开始 🚀'},
		{minutesAgo: 38, sender: 'bob', content: 'I will keep an eye on the dashboards 👀'},
		{minutesAgo: 21, sender: '李娜', content: '我把发布说明放在 wiki 上了，大家看一下～'},
		{
			minutesAgo: 20,
			sender: 'alice',
			content: 'Thanks! Looks great 👍🏽\nOne question: do we need a rollback plan?',
		},
		{minutesAgo: 19, sender: 'bob', content: 'Yes: the previous build stays warm for an hour.'},
		{minutesAgo: 2, content: system},
	];
}

async function writeHistory(file: string, lang: Lang, botName: string): Promise<void> {
	const now = Date.now();
	const lines = seeds(lang, botName).map((seed, index) => {
		const time = now - seed.minutesAgo * 60_000;
		const {sender} = seed;
		return JSON.stringify({
			id: `${time}-${index}`,
			type: sender ? 'text' : 'system',
			content: seed.content,
			time: new Date(time).toISOString(),
			...(sender ? {sender, senderId: `demo_${sender}`} : {}),
		});
	});
	await writeFile(file, `${lines.join('\n')}\n`);
}

export async function runDemo(options: DemoOptions): Promise<void> {
	const {lang} = options;
	const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-demo-'));
	const cleanUp = () => {
		rmSync(directory, {recursive: true, force: true});
	};

	// Also on a signal, when the UI exits the process itself.
	process.once('exit', cleanUp);
	const botName = lang === 'zh' ? '聊天机器人' : 'chatbot';
	const dataFile = path.join(directory, 'history.jsonl');
	await writeHistory(dataFile, lang, botName);
	// The demo's own config: no userId or name of the user's is read or written.
	process.env.XDG_CONFIG_HOME = path.join(directory, 'config');
	// Nor a read position kept for its server, which is gone once the demo ends.
	process.env.XDG_STATE_HOME = path.join(directory, 'state');

	const server = await startServer({
		host: '127.0.0.1',
		port: 0,
		dataFile,
		presenceWords: presenceWordsFor(lang),
		log() {
			// The screen belongs to the chat.
		},
	});
	const bot = await startBot({serverUrl: server.url, name: botName, lang});
	try {
		const {runUi} = await import('./ui.js');
		await runUi({
			serverUrl: server.url,
			apiUrl: `${server.url}/api`,
			name: options.name ?? (lang === 'zh' ? '访客' : 'guest'),
			lang,
			...options.look,
		});
	} finally {
		await bot.stop({farewell: false});
		await server.close();
		cleanUp();
		process.off('exit', cleanUp);
	}
}
