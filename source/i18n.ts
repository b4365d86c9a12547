import type {Lang} from './options.js';

/** UI labels. Chinese follows the original guide's words (系统, 我, 在线用户). */
const en = {
	system: 'system',
	me: 'me',
	online: 'Online',
	namePrompt: 'Your name',
	nameHint: 'Enter to join; empty takes',
	connecting: 'connecting',
	statusOnline: 'online',
	reconnecting: 'reconnecting',
	offline: 'offline',
	attempt: 'try',
	retryIn: 'retry in',
	tooSmall: 'Terminal too small',
	needAtLeast: 'needs at least',
	sending: 'sending…',
	queued: 'queued',
	failed: 'not sent',
	historyFailed: 'could not load history',
	loadingHistory: 'loading history…',
	unknownSender: 'unknown',
	panelHint: 'Ctrl-T: users',
	placeholder: 'Type a message; /help for commands',
	quitHint: '/quit or Ctrl-C to quit',
} as const;

export type Labels = {readonly [Key in keyof typeof en]: string};

const zh: Labels = {
	system: '系统',
	me: '我',
	online: '在线用户',
	namePrompt: '请输入您的用户名',
	nameHint: '回车加入；留空则用',
	connecting: '连接中',
	statusOnline: '在线',
	reconnecting: '重连中',
	offline: '离线',
	attempt: '第',
	retryIn: '重试于',
	tooSmall: '终端窗口太小',
	needAtLeast: '至少需要',
	sending: '发送中…',
	queued: '待发送',
	failed: '未发送',
	historyFailed: '无法获取历史消息',
	loadingHistory: '获取历史消息…',
	unknownSender: '未知用户',
	panelHint: 'Ctrl-T: 用户',
	placeholder: '输入消息；/help 查看命令',
	quitHint: '/quit 或 Ctrl-C 退出',
};

export const labelsFor = (lang: Lang): Labels => (lang === 'zh' ? zh : en);
