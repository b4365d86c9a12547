// The parse of a submitted line over a table of commands (the real table's commands:
// test/actions/slash-commands.ts).
import test from 'ava';
import {outgoingText, parseInput, type CommandSpec} from '../../source/state/commands.js';

const both = (text: string) => ({en: text, zh: text});
const table: Record<'ping' | 'say', CommandSpec> = {
	ping: {usage: both('/ping'), help: both('answer')},
	say: {
		usage: {en: '/say <text>', zh: '/say <文字>'},
		help: both('say it'),
		needsArgument: true,
		outgoing: (text) => `said ${text}`,
	},
};
const parse = (line: string) => parseInput(line, table);

test('a command of the table, by name in any case, with its argument trimmed', (t) => {
	t.deepEqual(parse('/ping'), {kind: 'command', name: 'ping', argument: ''});
	t.deepEqual(parse('/PING  now '), {kind: 'command', name: 'ping', argument: 'now'});
});

test('what a command sends is in the parse, and is the line sent', (t) => {
	const parsed = parse('/say  hi there ');
	t.deepEqual(parsed, {
		kind: 'command',
		name: 'say',
		argument: 'hi there',
		outgoing: 'said hi there',
	});
	t.is(outgoingText(parsed), 'said hi there');
	t.is(outgoingText(parse('/ping x')), undefined);
	t.is(outgoingText(parse('plain')), 'plain');
});

test('a name not in the table is an error, even one an object has', (t) => {
	t.like(parse('/constructor'), {kind: 'error'});
	t.like(parse('/nope'), {kind: 'error'});
});

test('a usage error names the usage in the words given', (t) => {
	t.deepEqual(parse('/say'), {kind: 'error', text: 'usage: /say <text>'});
	const zh = parseInput('/say', table, {
		lang: 'zh',
		empty: '',
		unknown: '',
		usage: '用法：{usage}',
	});
	t.deepEqual(zh, {kind: 'error', text: '用法：/say <文字>'});
});
