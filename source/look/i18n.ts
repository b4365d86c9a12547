import {describeKey, keysGeneration, keysOf, type Command} from '../keys/keymap.js';
import {asciiText} from './glyphs.js';

/** The language of the interface: English, or Chinese as the guide writes it. */
export type Lang = 'en' | 'zh';

/** UI labels. Chinese follows the original guide's words (系统, 我, 在线用户). */
const en = {
	system: 'system',
	me: 'me',
	/** Another session of the same account (the same user id under another name). */
	meElsewhere: 'also me',
	online: 'Online',
	namePrompt: 'Your name',
	nameHint: 'Enter to join; empty takes',
	connecting: 'connecting',
	statusOnline: 'online',
	reconnecting: 'reconnecting',
	offline: 'offline',
	reconnectingTry: 'reconnecting (try {n})',
	reconnectingWait: 'reconnecting (try {n}, retry in {s} s)',
	tooSmall: 'Terminal too small',
	needAtLeast: 'needs at least',
	sending: 'sending…',
	queued: 'queued',
	failed: 'not sent',
	historyFailed: 'could not load history',
	loadingHistory: 'loading history…',
	unknownSender: 'unknown',
	panelHint: '{key:panel.toggle}: users',
	placeholder: 'Type a message; /help for commands',
	quitHint: '/quit or {key:app.quit} to quit',
	insecure: '⚠ TLS NOT VERIFIED (--insecure)',
	reconnected: 'reconnected',
	connectionLost: 'connection lost ({reason}); reconnecting…',
	missed: 'missed messages loaded',
	missedOne: 'missed message loaded',
	cannotReach: 'Cannot reach',
	retryingIn: 'retrying in {s} s (try {n})',
	unsentQuit: 'unsent lines are kept and go out when you come back. Quit now? (y/n)',
	retryHint: '{key:outbox.retry} sends them again',
	historyStart: 'beginning of history',
	loadingOlder: 'loading…',
	olderFailed: 'could not load older messages: {key:scroll.pageUp} to try again',
	newMessages: '{n} new ↓ ({key:log.bottom})',
	moreBelow: '↓ more below ({key:log.bottom})',
	newerLoading: 'loading newer messages…',
	logFocus: '▸ log',
	searchPrompt: 'search: ',
	searchStatus:
		'search "{q}": {i}/{n} · {key:search.next} older · {key:search.previous} newer · Esc',
	noMatch: 'no match for "{q}" in the loaded history',
	helpTitle:
		'Keys and commands · {key:help.lineUp}/{key:help.lineDown} {key:help.pageUp}/{key:help.pageDown} scroll · {key:help.close} closes',
	commands: 'Commands',
	bellOn: 'bell on: a message that mentions you rings the terminal bell',
	bellOff: 'bell off',
	tooLong: 'too long: {n} of {max} characters; not sent',
	lineTooLong: 'line {line} is too long ({n} of {max} characters); not sent',
	textTooLong: 'the text is too long ({n} of {max} characters); not sent',
	listPosition: '{from}–{to} of {total}',
	bellUsage: 'usage: /bell [on|off], not "{a}"',
	stats: 'stats: received {live} live messages, {held} in memory, RSS {rss} MB (heap {heap} MB)',
	// The reference server's notices (`serve --lang`).
	joined: '{name} joined',
	left: '{name} left',
	renamed: '{from} is now known as {to}',
	unreadMarker: '{n} unread',
} as const;

export type Labels = {readonly [Key in keyof typeof en]: string};

const zh: Labels = {
	system: '系统',
	me: '我',
	meElsewhere: '也是我',
	online: '在线用户',
	namePrompt: '请输入您的用户名',
	nameHint: '回车加入；留空则用',
	connecting: '连接中',
	statusOnline: '在线',
	reconnecting: '重连中',
	offline: '离线',
	reconnectingTry: '重连中（第 {n} 次）',
	reconnectingWait: '重连中（第 {n} 次，{s} 秒后重试）',
	tooSmall: '终端窗口太小',
	needAtLeast: '至少需要',
	sending: '发送中…',
	queued: '待发送',
	failed: '未发送',
	historyFailed: '无法获取历史消息',
	loadingHistory: '获取历史消息…',
	unknownSender: '未知用户',
	panelHint: '{key:panel.toggle}: 用户',
	placeholder: '输入消息；/help 查看命令',
	quitHint: '/quit 或 {key:app.quit} 退出',
	insecure: '⚠ 未验证 TLS 证书 (--insecure)',
	reconnected: '已重新连接',
	connectionLost: '连接已断开（{reason}），正在重连…',
	missed: '条错过的消息已载入',
	missedOne: '条错过的消息已载入',
	cannotReach: '无法连接',
	retryingIn: '{s} 秒后重试（第 {n} 次）',
	unsentQuit: '条消息未发送，将保留到下次启动再发送。现在退出？(y/n)',
	retryHint: '{key:outbox.retry} 重新发送',
	historyStart: '已到历史消息开头',
	loadingOlder: '加载中…',
	olderFailed: '无法加载更早的消息：按 {key:scroll.pageUp} 重试',
	newMessages: '{n} 条新消息 ↓ ({key:log.bottom})',
	moreBelow: '↓ 下面还有消息 ({key:log.bottom})',
	newerLoading: '正在加载更新的消息…',
	logFocus: '▸ 消息',
	searchPrompt: '搜索：',
	searchStatus: '搜索 "{q}"：{i}/{n} · {key:search.next} 更早 · {key:search.previous} 更新 · Esc',
	noMatch: '已载入的消息中没有 "{q}"',
	helpTitle:
		'按键和命令 · {key:help.lineUp}/{key:help.lineDown} {key:help.pageUp}/{key:help.pageDown} 滚动 · {key:help.close} 关闭',
	commands: '命令',
	bellOn: '提醒音已开：提到你的消息会响铃',
	bellOff: '提醒音已关',
	tooLong: '消息过长：{n} 个字符，最多 {max} 个；未发送',
	lineTooLong: '第 {line} 行过长（{n} 个字符，最多 {max} 个）；未发送',
	textTooLong: '内容过长（{n} 个字符，最多 {max} 个）；未发送',
	listPosition: '{from}–{to}，共{total}',
	bellUsage: '用法：/bell [on|off]，而不是“{a}”',
	stats: '统计：收到 {live} 条实时消息，内存中 {held} 条，常驻内存 {rss} MB（堆 {heap} MB）',
	joined: '{name} 加入了聊天室',
	left: '{name} 离开了聊天室',
	renamed: '{from} 改名为 {to}',
	unreadMarker: '{n} 条未读',
};

/** `{key:panel.toggle}`: where a label names the key of a command, its first key now. */
const keyPlaceholder = /{key:([\w.]+)}/g;

const cache = new Map<string, Labels>();

/**
 * The labels of a language, with the keys they name as they are bound now (the config may have
 * changed them), and in ASCII when the terminal cannot show the UI's Unicode marks.
 */
export function labelsFor(lang: Lang, ascii = false): Labels {
	const table = lang === 'zh' ? zh : en;
	const keyOf = (command: string) => describeKey(keysOf(command as Command)[0] ?? '', ascii);
	// Asked on every frame: made once per language, ASCII or not, and set of keys.
	const signature = `${lang}|${ascii}|${keysGeneration()}`;
	const cached = cache.get(signature);
	if (cached) {
		return cached;
	}

	const labels = Object.fromEntries(
		Object.entries(table).map(([name, label]) => {
			const filled = label.replaceAll(keyPlaceholder, (_whole, command: string) => keyOf(command));
			return [name, ascii ? asciiText(filled) : filled];
		}),
	) as Labels;
	cache.set(signature, labels);
	return labels;
}

/** A count with its thousands grouped, as both languages write them: 5,001. */
export const groupDigits = (count: number): string =>
	String(count).replaceAll(/\B(?=(?:\d{3})+$)/g, ',');

/** A label with its `{name}` placeholders filled in. */
export function fill(label: string, values: Record<string, string | number>): string {
	return label.replaceAll(/{(\w+)}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole,
	);
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A count as the language writes it, with its thousands separators: 2,345. */
export function formatCount(value: number, lang: Lang): string {
	let format = numberFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
		numberFormats.set(lang, format);
	}

	return format.format(value);
}

/** A "too long" label filled in: the line's characters and the limit, as the language writes them. */
export function tooLongText(
	label: string,
	{length, max}: {readonly length: number; readonly max: number},
	lang: Lang,
	values: Record<string, string | number> = {},
): string {
	return fill(label, {...values, n: formatCount(length, lang), max: formatCount(max, lang)});
}
