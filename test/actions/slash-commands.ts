import test from 'ava';
// The slash commands' table, parsed as typed (the parse itself: test/state/commands.ts).
import {commandNames, parseLine, slashCommands} from '../../source/actions/slash-commands.js';

const parseInput = (line: string) => parseLine(line);

test('an empty or blank line is empty', (t) => {
	t.deepEqual(parseInput(''), {kind: 'empty'});
	t.deepEqual(parseInput('   \t '), {kind: 'empty'});
});

test('a line without a leading slash is a message, kept as typed', (t) => {
	t.deepEqual(parseInput('hello'), {kind: 'message', text: 'hello'});
	t.deepEqual(parseInput('  indented  '), {kind: 'message', text: '  indented  '});
	t.deepEqual(parseInput('a/b /help'), {kind: 'message', text: 'a/b /help'});
	t.deepEqual(parseInput('你好'), {kind: 'message', text: '你好'});
});

test('a double slash sends the line with one slash', (t) => {
	t.deepEqual(parseInput('//help'), {kind: 'message', text: '/help'});
	t.deepEqual(parseInput('//'), {kind: 'message', text: '/'});
	t.deepEqual(parseInput('// not a command'), {kind: 'message', text: '/ not a command'});
});

test('commands without an argument', (t) => {
	for (const name of ['help', 'quit', 'users', 'clear', 'reconnect'] as const) {
		t.deepEqual(parseInput(`/${name}`), {kind: 'command', name, argument: ''}, `${name}`);
	}
});

test('commands with an argument, trimmed', (t) => {
	t.deepEqual(parseInput('/broadcast  server restarts soon '), {
		kind: 'command',
		name: 'broadcast',
		argument: 'server restarts soon',
		outgoing: 'server restarts soon',
	});
	t.deepEqual(parseInput('/me waves'), {
		kind: 'command',
		name: 'me',
		argument: 'waves',
		outgoing: '/me waves',
	});
	t.deepEqual(parseInput('/nick 张伟'), {kind: 'command', name: 'nick', argument: '张伟'});
	t.deepEqual(parseInput('/search two words'), {
		kind: 'command',
		name: 'search',
		argument: 'two words',
	});
});

test('command names are case-insensitive', (t) => {
	t.deepEqual(parseInput('/QUIT'), {kind: 'command', name: 'quit', argument: ''});
	t.deepEqual(parseInput('/Nick bob'), {kind: 'command', name: 'nick', argument: 'bob'});
});

test('a command that needs an argument and has none is a usage error', (t) => {
	t.deepEqual(parseInput('/broadcast'), {kind: 'error', text: 'usage: /broadcast <text>'});
	t.deepEqual(parseInput('/me   '), {kind: 'error', text: 'usage: /me <action>'});
	t.deepEqual(parseInput('/nick'), {kind: 'error', text: 'usage: /nick <name>'});
	t.deepEqual(parseInput('/search '), {kind: 'error', text: 'usage: /search <text>'});
});

test('an unknown command is an error that names it', (t) => {
	const result = parseInput('/frobnicate now');
	t.is(result.kind, 'error');
	t.true(result.kind === 'error' && result.text.startsWith('unknown command "/frobnicate"'));
	t.true(result.kind === 'error' && result.text.includes('//'), 'tells how to send a slash');
});

test('a lone slash is an error, not a message', (t) => {
	const result = parseInput('/');
	t.is(result.kind, 'error');
	t.true(result.kind === 'error' && result.text.includes('empty command'));
	t.is(parseInput('/ text').kind, 'error');
});

test('every command has usage and help in English and Chinese, and every one parses', (t) => {
	for (const name of commandNames) {
		const {usage, help} = slashCommands[name];
		for (const lang of ['en', 'zh'] as const) {
			t.true(usage[lang].startsWith(`/${name}`), `${name} ${lang}`);
			t.true(help[lang].length > 0, `${name} ${lang}`);
		}

		const argument = usage.en.includes('<') ? ' x' : '';
		const parsed = parseInput(`/${name}${argument}`);
		t.like(parsed, {kind: 'command', name, argument: argument.trim()});
	}
});

test('a usage error in Chinese shows the Chinese usage', (t) => {
	t.deepEqual(parseLine('/nick', 'zh'), {kind: 'error', text: '用法：/nick <名字>'});
});
