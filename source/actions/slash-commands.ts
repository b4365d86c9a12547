import {commandWordsFor} from '../look/help-zh.js';
import {fill, tooLongText, type Labels, type Lang} from '../look/i18n.js';
import {overLimit} from '../protocol/content-limit.js';
import {onlineCount} from '../state/chat-state.js';
import {
	meLine,
	outgoingText,
	parseInput,
	type CommandSpec,
	type ParsedInput,
} from '../state/commands.js';
import type {ScreenAction} from '../state/screen-state.js';
import type {Chat} from '../hooks/use-chat.js';

/*
Every slash command, one entry each: its name, usage and help in English and Chinese (the help
overlay and the README list them), whether it needs an argument, what it sends, and what it does.
Adding a command is adding an entry here (and its test).
*/

export type SlashContext = {
	readonly chat: Chat;
	readonly labels: Labels;
	readonly dispatchScreen: (action: ScreenAction) => void;
	readonly bell: boolean;
	readonly quit: () => void;
	readonly search: (query: string) => void;
	readonly toBottom: () => void;
};

type SlashCommand = CommandSpec & {
	readonly run: (argument: string, context: SlashContext) => void;
};

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const slashCommands = {
	help: {
		usage: {en: '/help', zh: '/help'},
		help: {en: 'show every key and command (also F1)', zh: '显示所有按键和命令（也可按 F1）'},
		run(_, {dispatchScreen}) {
			dispatchScreen({type: 'help-opened'});
		},
	},
	quit: {
		usage: {en: '/quit', zh: '/quit'},
		help: {en: 'leave chat-tui', zh: '退出 chat-tui'},
		run(_, context) {
			context.quit();
		},
	},
	users: {
		usage: {en: '/users', zh: '/users'},
		help: {en: 'list everyone online in the log', zh: '在消息记录里列出所有在线用户'},
		run(_, {chat, labels, toBottom}) {
			const names = chat.state.users.map((user) => user.username).join(', ');
			chat.notice('info', `${labels.online} (${onlineCount(chat.state)}): ${names}`);
			toBottom();
		},
	},
	broadcast: {
		usage: {en: '/broadcast <text>', zh: '/broadcast <文字>'},
		help: {
			en: 'send a system notice to everyone (POST /api/broadcast)',
			zh: '向所有人发送系统通知（POST /api/broadcast）',
		},
		needsArgument: true,
		outgoing: (text) => text,
		run(text, {chat}) {
			chat.broadcast(text);
		},
	},
	clear: {
		usage: {en: '/clear', zh: '/clear'},
		help: {en: 'clear the log on this screen', zh: '清空本屏的消息记录'},
		run(_, {chat, dispatchScreen}) {
			dispatchScreen({type: 'cleared'});
			chat.clear();
		},
	},
	me: {
		usage: {en: '/me <action>', zh: '/me <动作>'},
		help: {
			en: 'send an action, shown as "* name action"',
			zh: '发送一个动作，显示为“* 名字 动作”',
		},
		needsArgument: true,
		outgoing: meLine,
		run(action, {chat, toBottom}) {
			chat.send(meLine(action));
			toBottom();
		},
	},
	nick: {
		usage: {en: '/nick <name>', zh: '/nick <名字>'},
		help: {en: 're-join under a new name', zh: '换个名字重新加入'},
		needsArgument: true,
		run(name, {chat}) {
			chat.rename(name);
		},
	},
	reconnect: {
		usage: {en: '/reconnect', zh: '/reconnect'},
		help: {en: 'drop the connection and connect again', zh: '断开并重新连接'},
		run(_, {chat}) {
			chat.reconnect();
		},
	},
	stats: {
		usage: {en: '/stats', zh: '/stats'},
		help: {
			en: 'show how many messages arrived, how many are in memory, and the memory used',
			zh: '显示收到多少条消息、内存中有多少条，以及内存用量',
		},
		run(_, {chat, labels, toBottom}) {
			const {rss, heapUsed} = process.memoryUsage();
			const {liveCount, messages} = chat.state;
			const live = liveCount;
			const held = messages.length;
			chat.notice(
				'info',
				fill(labels.stats, {live, held, rss: megabytes(rss), heap: megabytes(heapUsed)}),
			);
			toBottom();
		},
	},
	search: {
		usage: {en: '/search <text>', zh: '/search <文字>'},
		help: {
			en: 'find text in the loaded history (also Ctrl-F)',
			zh: '在已载入的消息里查找（也可按 Ctrl-F）',
		},
		needsArgument: true,
		run(query, context) {
			context.search(query);
		},
	},
	bell: {
		usage: {en: '/bell [on|off]', zh: '/bell [on|off]'},
		help: {en: 'ring the terminal bell on a mention, or not', zh: '被提到时是否响铃'},
		run(argument, {chat, labels, dispatchScreen, bell}) {
			const choice = argument.toLowerCase();
			if (choice !== '' && choice !== 'on' && choice !== 'off') {
				chat.notice('error', fill(labels.bellUsage, {a: argument}));
				return;
			}

			const on = choice === '' ? !bell : choice === 'on';
			dispatchScreen({type: 'bell-set', on});
			chat.notice('info', on ? labels.bellOn : labels.bellOff);
		},
	},
} as const satisfies Record<string, SlashCommand>;

export type CommandName = keyof typeof slashCommands;

/** The names, in the table's order (the help's, and Tab completion's). */
export const commandNames = Object.keys(slashCommands) as CommandName[];

/** What a submitted line means, with errors in the UI's language (see state/commands.ts). */
export const parseLine = (line: string, lang: Lang = 'en'): ParsedInput<CommandName> =>
	parseInput(line, slashCommands, commandWordsFor(lang));

/** Run a parsed slash command. */
export function runSlashCommand(name: CommandName, argument: string, context: SlashContext): void {
	(slashCommands[name] as SlashCommand).run(argument, context);
}

/**
 * A line that would send more than `maxLength` characters is refused before it goes out: a notice
 * says so with the counts, and the caller keeps the line in the input. True when refused.
 */
export function refusedTooLong(
	parsed: ParsedInput,
	{
		chat,
		labels,
		maxLength,
		lang,
	}: Pick<SlashContext, 'chat' | 'labels'> & {
		readonly maxLength: number;
		readonly lang: Lang;
	},
): boolean {
	const outgoing = outgoingText(parsed);
	const tooLong = outgoing === undefined ? undefined : overLimit(outgoing, maxLength);
	if (tooLong) {
		chat.notice('error', tooLongText(labels.tooLong, tooLong, lang));
	}

	return tooLong !== undefined;
}
