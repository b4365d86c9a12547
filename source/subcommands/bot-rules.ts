import {UsageError, type Lang} from '../cli/options.js';

/*
What the bot says, as pure functions: its rules file, mentions, the choice of a reply and the
limits that keep two bots from talking to each other for ever.

Rules file: one rule a line, `keyword => reply`; blank lines and lines starting with # are
ignored. The first rule whose keyword is in a message that mentions the bot gives the reply; the
keyword `*` matches any such message. With no rule matching, the bot answers with one of the
guide's canned responses.
*/

export type Rule = {readonly keyword: string; readonly reply: string};

/** The guide's RESPONSES, and the same in English. */
export const responses: Record<Lang, readonly string[]> = {
	zh: [
		'你好！',
		'很高兴认识你！',
		'今天天气真不错！',
		'有什么我可以帮助你的吗？',
		'我是一个简单的聊天机器人。',
		'请告诉我更多关于你自己的事情。',
		'这个聊天室真热闹啊！',
	],
	en: [
		'Hello!',
		'Nice to meet you!',
		'Lovely weather today!',
		'Is there anything I can help you with?',
		'I am a simple chat bot.',
		'Tell me more about yourself.',
		'This room is lively!',
	],
};

export const defaultBotName = (lang: Lang) => (lang === 'zh' ? '聊天机器人' : 'chatbot');

export const greeting = (name: string, lang: Lang) =>
	lang === 'zh'
		? `大家好！我是${name}，@我可以跟我聊天哦！`
		: `Hello everyone! I am ${name}: mention @${name} to chat with me.`;

export const goodbye = (name: string, lang: Lang) =>
	lang === 'zh' ? `${name}下线了，下次再见！` : `${name} is going offline. Goodbye!`;

export function parseRules(text: string, file: string): Rule[] {
	const rules: Rule[] = [];
	for (const [index, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const arrow = line.indexOf('=>');
		const keyword = arrow === -1 ? '' : line.slice(0, arrow).trim();
		const reply = arrow === -1 ? '' : line.slice(arrow + 2).trim();
		if (keyword === '' || reply === '') {
			throw new UsageError(
				`${file}: line ${index + 1} is not "keyword => reply": ${JSON.stringify(line.slice(0, 60))}`,
			);
		}

		rules.push({keyword, reply});
	}

	if (rules.length === 0) {
		throw new UsageError(`${file}: no rules (one "keyword => reply" a line)`);
	}

	return rules;
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
 * Whether `text` holds `word`, ignoring case. A word that starts or ends with a Latin letter or
 * digit must not continue into another one ("bot" is not in "robot"); Chinese needs no spaces.
 */
export function containsWord(text: string, word: string): boolean {
	const before = /^[\p{Script=Latin}\d_]/u.test(word) ? String.raw`(?<![\p{Script=Latin}\d_])` : '';
	const after = /[\p{Script=Latin}\d_]$/u.test(word) ? String.raw`(?![\p{Script=Latin}\d_])` : '';
	return new RegExp(`${before}${escapeRegExp(word)}${after}`, 'iu').test(text);
}

/** E-mail addresses: `chatbot@example.com` does not mention chatbot. */
const emailAddress = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** The guide's Chinese bot answers any message that holds this word. */
export const chineseTrigger = '机器人';

/**
 * A message mentions the bot when it holds its name, with or without an @, outside an e-mail
 * address; in Chinese also when it holds 机器人, as the guide's bot does.
 */
export function mentions(content: string, name: string, lang: Lang = 'en'): boolean {
	const text = content.replaceAll(emailAddress, ' ');
	return containsWord(text, name) || (lang === 'zh' && text.includes(chineseTrigger));
}

/** Said once to a sender the bot stops answering for a while. */
export const slowingDown = (sender: string, lang: Lang) =>
	lang === 'zh'
		? `@${sender} 消息太多了，我先歇一会儿，过一阵再回复你。`
		: `@${sender} too many messages: I am slowing down and will answer again in a while.`;

export function chooseReply(
	content: string,
	rules: readonly Rule[],
	fallback: readonly string[],
	random: () => number = Math.random,
): string {
	const rule = rules.find(({keyword}) => keyword === '*' || containsWord(content, keyword));
	return rule?.reply ?? fallback[Math.floor(random() * fallback.length)] ?? '';
}

export type ReplyLimits = {
	/** Replies to one sender within `windowMs`; one more mention mutes the sender. */
	readonly perSender: number;
	/** Replies to everyone within `windowMs`. */
	readonly overall: number;
	readonly windowMs: number;
};

export const defaultReplyLimits: ReplyLimits = {perSender: 3, overall: 10, windowMs: 30_000};

/**
 * Whether the bot may answer now. A sender that goes over its share is muted until it has not
 * mentioned the bot for a whole window: two bots that keep answering each other both fall
 * silent, and stay so, since neither speaks first.
 */
export class ReplyLimiter {
	readonly #limits: ReplyLimits;
	readonly #replies = new Map<string, number[]>();
	readonly #mutedUntil = new Map<string, number>();
	#all: number[] = [];

	constructor(limits: ReplyLimits = defaultReplyLimits) {
		this.#limits = limits;
	}

	allow(sender: string, now: number): boolean {
		const {perSender, overall, windowMs} = this.#limits;
		const recent = (this.#replies.get(sender) ?? []).filter((time) => now - time < windowMs);
		this.#all = this.#all.filter((time) => now - time < windowMs);
		if ((this.#mutedUntil.get(sender) ?? 0) > now || recent.length >= perSender) {
			this.#mutedUntil.set(sender, now + windowMs);
			this.#replies.set(sender, recent);
			return false;
		}

		if (this.#all.length >= overall) {
			return false;
		}

		this.#mutedUntil.delete(sender);
		this.#replies.set(sender, [...recent, now]);
		this.#all.push(now);
		return true;
	}
}
