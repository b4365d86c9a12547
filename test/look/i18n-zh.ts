// Chinese is complete: no English word in the Chinese help, labels, notices or errors. Key names,
// slash-command names, flags and units are the same in every language and are let through.
import test from 'ava';
import {fill, labelsFor} from '../../source/look/i18n.js';
import {presenceWordsFor} from '../../source/server/presence-words.js';
import {commandNames, parseLine} from '../../source/actions/slash-commands.js';
import {helpLines} from '../../source/components/help-lines.js';

/** The words of the keys column (Ctrl, Tab, Esc, PgUp…): key names, as the keyboard prints them. */
const keyWords = helpLines('命令', false, 'zh').flatMap((line) =>
	line.kind === 'entry' ? (line.keys.toLowerCase().match(/[a-z]+/g) ?? []) : [],
);

/** Words that are names, not English: keys, commands and their arguments, flags, units. */
const names = new Set([
	...keyWords,
	...commandNames,
	'on',
	'off',
	'chat',
	'tui',
	'post',
	'api',
	'mb',
	'tls',
	'insecure',
]);

function englishWords(text: string): string[] {
	return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !names.has(word.toLowerCase()));
}

function check(
	t: {deepEqual: (a: unknown, b: unknown, message: string) => void},
	what: string,
	text: string,
) {
	t.deepEqual(englishWords(text), [], `${what}: ${JSON.stringify(text)}`);
}

test('the Chinese help overlay has no English word', (t) => {
	for (const line of helpLines('命令', false, 'zh')) {
		if (line.kind === 'title') {
			check(t, 'title', line.text);
		} else if (line.kind === 'entry') {
			check(t, `entry ${line.keys}`, line.text);
			check(t, 'usage', line.keys.replace(/^\/\w+/, ''));
		}
	}
});

test('the Chinese labels have no English word', (t) => {
	for (const [name, label] of Object.entries(labelsFor('zh'))) {
		check(
			t,
			name,
			fill(label, {
				q: '你好',
				n: 3,
				max: 2000,
				total: 5001,
				line: 2,
				i: 1,
				s: 4,
				a: '开',
				name: '张伟',
				from: '张伟',
				to: '伟',
				reason: '服务器关闭了连接',
				live: 1,
				held: 2,
				rss: 3,
				heap: 4,
			}),
		);
	}
});

test("the Chinese server's notices and the slash-command errors have no English word", (t) => {
	const words = presenceWordsFor('zh');
	check(t, 'joined', words.joined('张伟'));
	check(t, 'left', words.left('张伟'));
	check(t, 'renamed', words.renamed('张伟', '伟'));
	for (const line of ['/', '/frobnicate', '/me', '/nick', '/broadcast', '/search']) {
		const parsed = parseLine(line, 'zh');
		t.is(parsed.kind, 'error');
		check(t, line, parsed.kind === 'error' ? parsed.text.replaceAll(/\/\w+/g, '') : '');
	}
});

test('the check itself catches English', (t) => {
	t.deepEqual(englishWords('Ctrl-F 搜索 the history'), ['the', 'history']);
});
