import type {Command, Scope} from '../keys/keymap.js';
import {englishCommandWords, type CommandWords} from '../state/commands.js';
import type {Lang} from './i18n.js';

/*
The help overlay in Chinese: the same rows as the English table in keymap.ts, keyed the same
way, so a binding cannot be added without its Chinese (the type says every key is here). The
slash commands carry their Chinese in their own table (actions/slash-commands.ts). Key names (Ctrl-F, Tab) stay as the
keyboard prints them.
*/

export const scopeTitlesZh: Record<Scope, string> = {
	app: '任何时候',
	screen: '任一窗格',
	input: '输入行',
	edit: '编辑一行（输入、搜索）',
	log: '消息记录（按 Tab 切换到这里）',
	users: '用户列表（按 Tab 切换到这里）',
	search: '搜索框（Ctrl-F）',
	help: '本帮助',
};

/** What a scope does with keys that are not bindings (keymap.ts: scopeNotes), in Chinese. */
export const scopeNotesZh: Partial<Record<Scope, string>> = {
	users: '跳到第一个以这些字母开头的名字（一秒内接着输入）',
};

export const bindingHelpZh: Record<Command, string> = {
	'app.quit': '退出；输入行有草稿时先清空草稿（再按一次 Ctrl-C 退出）',
	'app.redraw': '重绘屏幕',
	'help.open': '打开本帮助',
	'focus.next': '下一个窗格：输入行 → 消息记录 → 用户列表',
	'focus.previous': '上一个窗格',
	'focus.input': '回到输入行',
	'scroll.pageUp': '消息记录向上翻一页',
	'scroll.pageDown': '消息记录向下翻一页',
	'scroll.lineUp': '消息记录向上滚一行',
	'scroll.lineDown': '消息记录向下滚一行',
	'search.open': '搜索已载入的消息',
	'panel.toggle': '显示或隐藏用户列表',
	'outbox.retry': '重新发送标为“未发送”的消息',
	'input.submit': '发送这一行或执行命令',
	'input.complete': '补全名字（@ 之后或名字开头；再按换下一个）；否则切换窗格',
	'history.previous': '上一条发过的消息',
	'history.next': '下一条发过的消息，最后回到草稿',
	'input.helpIfEmpty': '打开本帮助（输入行为空时）',
	'input.bottomAtEnd': '回到最新消息（光标已在行尾时）',
	'app.quitIfEmpty': '退出（输入行为空时）',
	'input.left': '光标左移',
	'input.right': '光标右移',
	'input.wordLeft': '光标左移一个词',
	'input.wordRight': '光标右移一个词',
	'input.home': '到行首',
	'input.end': '到行尾',
	'input.backspace': '删除左边的字',
	'input.delete': '删除右边的字',
	'input.deleteWord': '删除光标前的词',
	'input.clear': '清空这一行',
	'input.killToEnd': '删除到行尾',
	'log.lineUp': '向上滚一行',
	'log.lineDown': '向下滚一行',
	'log.top': '已载入的最早消息（会再载入更早的）',
	'log.bottom': '最新消息；重新跟随新消息',
	'search.next': '下一个匹配（更早）',
	'search.previous': '上一个匹配（更新）',
	'users.previous': '选择上一位用户',
	'users.next': '选择下一位用户',
	'users.pageUp': '列表向上翻一页',
	'users.pageDown': '列表向下翻一页',
	'users.first': '列表顶端（你自己）',
	'users.last': '列表末尾',
	'users.mention': '把“@名字 ”填入输入行',
	'users.leave': '离开列表，回到输入行',
	'search.run': '找到最新的匹配，然后在消息记录里按 n/N',
	'search.cancel': '取消搜索',
	'help.close': '关闭本帮助',
	'help.lineUp': '向上滚一行',
	'help.lineDown': '向下滚一行',
	'help.pageUp': '向上翻一页',
	'help.pageDown': '向下翻一页',
};

export const commandWordsZh: CommandWords = {
	lang: 'zh',
	empty: '空命令；要发送以“/”开头的一行，请输入“//”',
	unknown: '没有“/{name}”这个命令；/help 列出所有命令（输入“//”发送“/”）',
	usage: '用法：{usage}',
};

export const commandWordsFor = (lang: Lang): CommandWords =>
	lang === 'zh' ? commandWordsZh : englishCommandWords;

/** The help's `//text` row. */
export const slashSlashHelp = {
	en: 'send "/text" as a message',
	zh: '把“/文字”当作消息发送',
} as const;
