import {readFile} from 'node:fs/promises';
import test from 'ava';
import {
	bindings,
	commandFor,
	commandIn,
	commands,
	commandsIn,
	describeKey,
	describeKeys,
	scopeNotes,
	scopeTitles,
	type Scope,
} from '../../source/keys/keymap.js';
import {commandNames, slashCommands} from '../../source/actions/slash-commands.js';
import {helpLines} from '../../source/components/help-lines.js';
import type {Key} from '../../source/keys/decode.js';

const key = (name: string): Key => ({kind: 'key', name: name as never});
const text = (value: string): Key => ({kind: 'text', text: value});
const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const cell = (value: string) => value.replaceAll('|', String.raw`\|`);

test('every command has a key that is not on Alt, and every scope a title', (t) => {
	for (const command of commands) {
		const {keys, scope} = bindings[command];
		t.true(keys.length > 0, `${command}`);
		t.true(
			keys.every((name) => !name.startsWith('alt-')),
			`${command} must not need Alt`,
		);
		t.truthy(scopeTitles[scope]);
	}
});

test('a key runs the command of the first scope that binds it', (t) => {
	t.is(commandFor(key('up'), ['app', 'input', 'edit', 'screen']), 'history.previous');
	t.is(commandFor(key('up'), ['app', 'log', 'screen']), 'log.lineUp');
	t.is(commandFor(key('up'), ['app', 'users', 'screen']), 'users.previous');
	t.is(commandFor(key('up'), ['app', 'help']), 'help.lineUp');
	t.is(commandFor(key('tab'), ['app', 'input', 'edit', 'screen']), 'input.complete');
	t.is(commandFor(key('tab'), ['app', 'log', 'screen']), 'focus.next');
	t.is(commandFor(key('ctrl-c'), ['app', 'help']), 'app.quit');
	t.is(commandFor(key('page-up'), ['app', 'help']), 'help.pageUp');
	t.is(commandFor(key('page-up'), ['app', 'log', 'screen']), 'scroll.pageUp');
	t.is(commandFor(key('end'), ['app', 'edit']), 'input.end');
	t.is(commandFor(key('end'), ['app', 'log', 'screen']), 'log.bottom');
});

test('single typed characters are keys where no line is edited', (t) => {
	t.is(commandIn('log', text('n')), 'search.next');
	t.is(commandIn('log', text('N')), 'search.previous');
	t.is(commandIn('input', text('?')), 'input.helpIfEmpty');
	t.is(commandIn('help', text('q')), 'help.close');
	t.is(commandIn('log', text('nn')), undefined, 'a run of text is no key');
	t.is(commandIn('log', {kind: 'paste', text: 'n'}), undefined, 'nor is a paste');
});

test('keys read as a user writes them', (t) => {
	t.is(describeKey('page-up'), 'PgUp');
	t.is(describeKey('ctrl-up'), 'Ctrl-↑');
	t.is(describeKey('shift-tab'), 'Shift-Tab');
	t.is(describeKey('escape'), 'Esc');
	t.is(describeKey('ctrl-a'), 'Ctrl-A');
	t.is(describeKey('f1'), 'F1');
	t.is(describeKey('N'), 'N');
	t.is(describeKey('n'), 'n');
	t.is(describeKeys('panel.toggle'), 'Ctrl-T, F2');
});

test('the help overlay lists every binding and every command', (t) => {
	const lines = helpLines();
	const entries = new Set(
		lines.flatMap((line) => (line.kind === 'entry' ? [`${line.keys} ${line.text}`] : [])),
	);
	for (const command of commands) {
		t.true(entries.has(`${describeKeys(command)} ${bindings[command].help}`), `${command}`);
	}

	for (const name of commandNames) {
		const {usage, help} = slashCommands[name];
		t.true(entries.has(`${usage.en} ${help.en}`), `${name}`);
	}

	const titles = new Set(lines.flatMap((line) => (line.kind === 'title' ? [line.text] : [])));
	for (const scope of Object.keys(scopeTitles) as Scope[]) {
		t.true(titles.has(scopeTitles[scope]), `${scope}`);
		t.true(commandsIn(scope).length > 0, `${scope} has bindings`);
	}
});

test('the README lists every binding and every command as the table says', (t) => {
	for (const command of commands) {
		const row = `| ${cell(describeKeys(command))} | ${cell(bindings[command].help)} |`;
		t.true(readme.includes(row), `README.md lacks the row: ${row}`);
	}

	for (const name of commandNames) {
		const {usage, help} = slashCommands[name];
		const row = `| \`${cell(usage.en)}\` | ${cell(help.en)} |`;
		t.true(readme.includes(row), `README.md lacks the row: ${row}`);
	}
});

test('what a scope does with other keys (type-ahead in the user list) is in the help and the README', (t) => {
	const entries = new Set(
		helpLines().flatMap((line) => (line.kind === 'entry' ? [`${line.keys} ${line.text}`] : [])),
	);
	const notes = Object.values(scopeNotes);
	t.true(notes.length > 0);
	for (const note of notes) {
		t.true(entries.has(`${note.keys} ${note.help}`), `${note.keys}`);
		t.true(readme.includes(`| ${note.keys} | ${cell(note.help)} |`), `${note.keys}`);
	}
});
