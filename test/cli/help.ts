import test from 'ava';
import {commandSpecs, flagSpec} from '../../source/cli/flags.js';
import {commandHelp, helpPage} from '../../source/cli/help.js';
import {flagHelpZh} from '../../source/cli/help-zh.js';

const commands = Object.keys(commandSpecs).filter(
	(name): name is Exclude<keyof typeof commandSpecs, 'chat'> => name !== 'chat',
);
const pages = (lang: 'en' | 'zh') => [
	{name: '--help', text: helpPage(lang)},
	...commands.map((command) => ({name: `${command} --help`, text: commandHelp(command, lang)})),
];

/*
What may stay in Latin letters in the Chinese pages: what the user types or reads as a name. Lines
starting with `$` are commands as typed; then flags, URLs and paths, quoted config keys and values,
environment variables and acronyms (LANG, JSON, TLS), key names and slash commands.
*/
const typed = [
	/^ *\$ .*$/gm,
	/(?<![\w-])-{1,2}[a-z][\w-]*/g,
	/\b[a-z]+:\/\/\S*/g,
	/[\w.~$-]*\/[\w./-]+/g,
	/"[^"\n]*"/g,
	/\b[A-Z][A-Z\d_-]+\b/g,
	/\b(?:Ctrl-[A-Z]|PgUp|PgDn|Enter|Esc|Tab)\b/g,
];
/** Values and names typed as they are. */
const names = new Set([
	...commands,
	'chat',
	'tui',
	'en',
	'zh',
	'dark',
	'light',
	'auto',
	'dumb',
	'linux',
	'chatbot',
	'true',
	'false',
	'Unicode',
	'Redis',
]);

function englishWords(text: string): string[] {
	let rest = text;
	for (const pattern of typed) {
		rest = rest.replaceAll(pattern, ' ');
	}

	return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !names.has(word));
}

test('the Chinese help pages have no English words (flags, commands, names and keys excepted)', (t) => {
	for (const {name, text} of pages('zh')) {
		t.deepEqual(englishWords(text), [], `${name}`);
		t.regex(text, /[\u4E00-\u9FFF]/, `${name} is in Chinese`);
	}

	// The check finds English where it is.
	t.deepEqual(englishWords('  选项\n    --name 名字   your name'), ['your', 'name']);
	t.true(englishWords(helpPage('en')).length > 100);
});

test('no line of the Chinese help starts with a closing mark', (t) => {
	for (const {name, text} of pages('zh')) {
		const bad = text.split('\n').filter((line) => /^\s*[。，、！？）：；]/.test(line));
		t.deepEqual(bad, [], `${name}`);
	}
});

test('each language documents every flag a command takes, once', (t) => {
	for (const lang of ['en', 'zh'] as const) {
		for (const command of commands) {
			const listed = commandHelp(command, lang).match(/^ {4}--[\w-]+/gm) ?? [];
			const expected = commandSpecs[command].flags.map((flag) =>
				flag === 'links'
					? '    --no-links'
					: `    --${flag.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
			);
			t.deepEqual(listed, expected, `${lang} ${command}`);
		}
	}

	t.true(Object.keys(flagSpec).length > 20);
});

test('the Chinese options line up: each help starts in the same column, counted in cells', (t) => {
	const cells = (text: string) =>
		[...text].reduce((sum, character) => sum + (/[\u4E00-\uFFEF]/.test(character) ? 2 : 1), 0);
	const page = commandHelp('serve', 'zh');
	for (const flag of commandSpecs.serve.flags) {
		const help = flag === 'lang' ? '加入、离开和改名通知的语言' : flagHelpZh[flag][1];
		const line = page.split('\n').find((candidate) => candidate.includes(help));
		t.is(cells(line!.slice(0, line!.indexOf(help))), 22, `${line}`);
	}
});
