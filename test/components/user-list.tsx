import test from 'ava';
import {render} from 'ink-testing-library';
import {UserList} from '../../source/components/user-list.js';
import {labelsFor} from '../../source/look/i18n.js';
import type {Lang} from '../../source/cli/options.js';
import type {User} from '../../source/protocol/types.js';
import {sortRoster} from '../../source/state/roster.js';
import {textWidth} from '../../source/state/wrap.js';
import {frameLines} from '../helpers/frames.js';
import {safe} from '../helpers/messages.js';

const user = (userId: string, username: string): User => ({
	userId: safe(userId),
	username: safe(username),
});
const people = [user('u-2', 'zoe'), user('u-3', 'Bob'), user('u-me', 'mia'), user('u-4', 'amy')];

type Props = {
	readonly users: readonly User[];
	readonly count?: number;
	readonly width?: number;
	readonly height?: number;
	readonly lang?: Lang;
	/** The name this session joined with. */
	readonly username?: string;
};
function Panel({
	users,
	count = users.length,
	width = 22,
	height = 8,
	lang = 'en',
	username,
}: Props) {
	return (
		<UserList
			users={sortRoster(undefined, users, 'u-me').users}
			count={count}
			userId="u-me"
			username={username}
			width={width}
			height={height}
			labels={labelsFor(lang)}
		/>
	);
}

/** The panel's lines without the left border and padding, trailing spaces and empty rows. */
const entries = (frame: string) =>
	frameLines(frame)
		.map((line) => line.replace(/^│ ?/, ''))
		.filter((line) => line !== '');

test('the title counts who is online; the own entry comes first, marked, then by name', (t) => {
	const {lastFrame, unmount} = render(<Panel users={people} />);
	t.deepEqual(entries(lastFrame()!), ['Online (4)', 'mia (me)', 'amy', 'Bob', 'zoe']);
	unmount();
});

test('with Chinese labels the title is 在线用户 (N) and the mark (我)', (t) => {
	const {lastFrame, unmount} = render(<Panel users={people} lang="zh" />);
	t.deepEqual(entries(lastFrame()!), ['在线用户 (4)', 'mia (我)', 'amy', 'Bob', 'zoe']);
	unmount();
});

test('one account open twice: this session is "(me)", the other "(also me)"', (t) => {
	// The README's logger recipe: the chat as kay, `--listen --name logger` with the same config.
	const both = [user('u-me', 'kay'), user('u-me', 'logger'), user('u-2', 'amy')];
	for (const [lang, me, also] of [
		['en', '(me)', '(also me)'],
		['zh', '(我)', '(也是我)'],
	] as const) {
		const {lastFrame, unmount} = render(<Panel users={both} lang={lang} username="kay" />);
		t.deepEqual(entries(lastFrame()!).slice(1), [`kay ${me}`, `logger ${also}`, 'amy']);
		unmount();
	}

	// A stranger named like that mark is quoted.
	const {lastFrame, unmount} = render(
		<Panel users={[user('u-me', 'kay'), user('u-7', 'kay (also me)')]} username="kay" />,
	);
	t.deepEqual(entries(lastFrame()!).slice(1), ['kay (me)', '“kay (also me)”']);
	unmount();
});

test('another user named like the own entry, in either language, is shown in quotes', (t) => {
	const impostors = [user('u-me', 'kay'), user('u-5', 'kay (me)'), user('u-6', 'kay（我）')];
	for (const lang of ['en', 'zh'] as const) {
		const {lastFrame, unmount} = render(<Panel users={impostors} lang={lang} />);
		const mark = lang === 'en' ? '(me)' : '(我)';
		t.deepEqual(entries(lastFrame()!).slice(1), [`kay ${mark}`, '“kay (me)”', '“kay（我）”']);
		unmount();
	}
});

test('the title shows the count given, which may differ from the list', (t) => {
	const {lastFrame, unmount} = render(<Panel users={people.slice(0, 2)} count={12} />);
	t.is(entries(lastFrame()!)[0], 'Online (12)');
	unmount();
});

test('the panel has a border on the left only', (t) => {
	const {lastFrame, unmount} = render(<Panel users={people} height={6} />);
	const lines = frameLines(lastFrame()!);
	t.is(lines.length, 6);
	for (const line of lines) {
		t.true(line.startsWith('│'), `${line}`);
	}

	unmount();
});

test('when the list does not fit, the last row says which rows of how many are shown', (t) => {
	const many = Array.from({length: 9}, (_, n) => user(`u-${n}`, `user${n}`));
	// Height 5: the title and four rows, so three names and where they are.
	const {lastFrame, unmount} = render(<Panel users={[...many, user('u-me', 'me')]} height={5} />);
	t.deepEqual(entries(lastFrame()!), ['Online (10)', 'me (me)', 'user0', 'user1', '1–3 of 10']);
	unmount();
});

test('in Chinese and past a thousand, the count and the position are grouped by thousands', (t) => {
	const many = Array.from({length: 1500}, (_, n) => user(`u-${n}`, `user${n}`));
	const {lastFrame, unmount} = render(<Panel users={many} count={1501} lang="zh" />);
	const lines = entries(lastFrame()!);
	t.is(lines[0], '在线用户 (1,501)');
	t.is(lines.at(-1), '1–6，共1,500');
	unmount();
});

test('a list that just fits shows everyone and no position', (t) => {
	const {lastFrame, unmount} = render(<Panel users={people} height={5} />);
	t.deepEqual(entries(lastFrame()!), ['Online (4)', 'mia (me)', 'amy', 'Bob', 'zoe']);
	unmount();
});

test('long names are cut with an ellipsis within the width, the own marker kept whole', (t) => {
	const long = [
		user('u-me', 'a张伟张伟张伟张伟张伟'),
		user('u-2', 'an-extremely-long-user-name'),
		user('u-3', '欧阳娜娜欧阳娜娜欧阳娜娜'),
	];
	for (const lang of ['en', 'zh'] as const) {
		const {lastFrame, unmount} = render(<Panel users={long} width={20} lang={lang} />);
		const lines = frameLines(lastFrame()!);
		for (const line of lines) {
			t.true(textWidth(line) <= 20, `${lang}: ${line}`);
		}

		const [, own, ...others] = entries(lastFrame()!);
		t.regex(own!, lang === 'zh' ? /^a张伟.*… \(我\)$/ : /^a张伟.*… \(me\)$/, `${lang}`);
		t.deepEqual(others, ['an-extremely-long…', '欧阳娜娜欧阳娜娜…'], `${lang}`);
		unmount();
	}
});

test('the roster puts the own entry first and sorts the rest by name, ignoring case', (t) => {
	t.deepEqual(
		sortRoster(undefined, people, 'u-me').users.map((each) => each.username),
		['mia', 'amy', 'Bob', 'zoe'],
	);
	t.deepEqual(
		sortRoster(undefined, people, 'nobody').users.map((each) => each.username),
		['amy', 'Bob', 'mia', 'zoe'],
	);
});

test('focused: the title is marked and the selected user pointed at', (t) => {
	const users = [user('u-me', 'me'), user('u-1', 'amy'), user('u-2', 'bob')];
	const {lastFrame, unmount} = render(
		<UserList
			focused
			users={users}
			count={3}
			userId="u-me"
			width={22}
			height={6}
			labels={labelsFor('en')}
			selected={1}
		/>,
	);
	t.deepEqual(entries(lastFrame()!), ['▸ Online (3)', 'me (me)', '▸ amy', 'bob']);
	unmount();
});

test('a long list scrolls to keep the selection in view', (t) => {
	const users = Array.from({length: 30}, (_, n) =>
		user(`u-${n}`, `user${String(n).padStart(2, '0')}`),
	);
	const {lastFrame, unmount} = render(
		<UserList
			focused
			users={users}
			count={30}
			userId="u-me"
			width={22}
			height={6}
			labels={labelsFor('en')}
			selected={20}
		/>,
	);
	const shown = entries(lastFrame()!);
	t.true(shown.includes('▸ user20'), `${shown.join('|')}`);
	t.is(shown.length, 6);
	t.is(shown.at(-1), '19–22 of 30');
	unmount();
});
