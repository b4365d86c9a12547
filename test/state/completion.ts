import test from 'ava';
import {complete, completionNames, type Completion} from '../../source/state/completion.js';
import {emptyLine, type LineState} from '../../source/state/line-editor.js';

const typed = (value: string, cursor = value.length): LineState => ({value, cursor});
const names = ['bob', 'Bobby', 'carol', '张伟'];
const commands = ['help', 'quit', 'users'];

test('@ and a prefix complete to "@name " with the cursor after it', (t) => {
	const result = complete(typed('hi @ca'), names, commands);
	t.deepEqual(result?.line, {value: 'hi @carol ', cursor: 10});
	t.is(complete(typed('@张'), names, commands)?.line.value, '@张伟 ');
});

test('a bare prefix completes to the name; at the start of the line as "name: "', (t) => {
	t.is(complete(typed('car'), names, commands)?.line.value, 'carol: ');
	t.is(complete(typed('ask car'), names, commands)?.line.value, 'ask carol ');
});

test('completion is in the middle of a line too, and keeps what follows', (t) => {
	const result = complete(typed('hi @bo, how are you', 6), names, commands);
	t.deepEqual(result?.line, {value: 'hi @bob , how are you', cursor: 8});
});

test('Tab again cycles through every match, case-insensitively', (t) => {
	let previous: Completion | undefined;
	const seen: string[] = [];
	let line = typed('@BO');
	for (let n = 0; n < 3; n++) {
		const result = complete(line, names, commands, previous)!;
		previous = result.completion;
		line = result.line;
		seen.push(line.value);
	}

	t.deepEqual(seen, ['@bob ', '@Bobby ', '@bob ']);
});

test('/ and a prefix at the start complete a command', (t) => {
	t.is(complete(typed('/he'), names, commands)?.line.value, '/help ');
	t.is(complete(typed('say /he'), names, commands), undefined);
});

test('nothing to complete: an empty word, no match, a single match already completed', (t) => {
	t.is(complete(emptyLine, names, commands), undefined);
	t.is(complete(typed('hello '), names, commands), undefined);
	t.is(complete(typed('@zed'), names, commands), undefined);
	const once = complete(typed('@car'), names, commands)!;
	t.is(complete(once.line, names, commands, once.completion), undefined);
});

test('names: who spoke lately and is online first, then online as given, then others; never oneself', (t) => {
	t.deepEqual(completionNames(['me', 'amy', 'bob', 'zoe'], ['bob', 'me', 'gone', 'bob'], 'me'), [
		'bob',
		'amy',
		'zoe',
		'gone',
	]);
});
