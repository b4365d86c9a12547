// The user list's type-ahead and paging, on the real screen reducer with a clock of the test's.
import test from 'ava';
import {typeAheadMs, userListActions} from '../../source/actions/user-list-actions.js';
import type {LineEditor} from '../../source/hooks/use-line-editor.js';
import type {User} from '../../source/protocol/types.js';
import {editLine, emptyLine} from '../../source/state/line-editor.js';
import {selectedIndex, sortRoster} from '../../source/state/roster.js';
import {
	initialScreenState,
	screenReducer,
	type ScreenState,
} from '../../source/state/screen-state.js';
import {safe} from '../helpers/messages.js';

const user = (name: string): User => ({userId: safe(`u-${name}`), username: safe(name)});

function listWith(names: readonly string[]) {
	let screen: ScreenState = {...initialScreenState(), focus: 'users'};
	let line = emptyLine;
	const editor: LineEditor = {
		line,
		read: () => line,
		apply(command) {
			line = editLine(line, command);
		},
		handleKey: () => false,
	};
	const clock = {now: 0};
	const roster = sortRoster(undefined, names.map(user), 'u-me');
	const {handlers, typeAhead} = userListActions({
		roster,
		userPage: 3,
		readScreen: () => screen,
		dispatchScreen(action) {
			screen = screenReducer(screen, action);
		},
		editor,
		now: () => clock.now,
	});
	const selected = (): string | undefined =>
		roster.users[selectedIndex(roster, {index: screen.selectedUser, userId: screen.selectedUserId})]
			?.username;
	const type = (letters: string, gapMs = 100) => {
		for (const letter of letters) {
			clock.now += gapMs;
			typeAhead(letter);
		}
	};

	return {handlers, type, selected, screen: () => screen, line: () => line};
}

const names = ['me', 'amy', 'bea', 'ben', 'Bert', 'bob', 'carl', 'cora', 'dan', 'eve', 'zoë'];

test('letters typed in a row find the first name that starts with them, any case', (t) => {
	const list = listWith(names);
	list.type('b');
	t.is(list.selected(), 'bea');
	list.type('o');
	t.is(list.selected(), 'bob');
	list.type('x');
	t.is(list.selected(), 'bob', 'no name starts with "box": the selection stays');
	t.is(list.line().value, '', 'nothing went to the input line');
});

test('after a pause the letters start afresh', (t) => {
	const list = listWith(names);
	list.type('bo');
	t.is(list.selected(), 'bob');
	list.type('c', typeAheadMs + 1);
	t.is(list.selected(), 'carl');
	list.type('o', typeAheadMs - 1);
	t.is(list.selected(), 'cora');
});

test('the same letter again goes on to the next name that starts with it, and round', (t) => {
	const list = listWith(names);
	const seen: Array<string | undefined> = [];
	for (let n = 0; n < 6; n++) {
		list.type('b');
		seen.push(list.selected());
	}

	t.deepEqual(seen, ['bea', 'ben', 'Bert', 'bob', 'bea', 'ben']);
});

test('PgUp/PgDn move a page, Home/End to the ends, Esc and Enter leave the list', (t) => {
	const list = listWith(names);
	list.handlers['users.pageDown']();
	t.is(list.selected(), 'ben');
	list.handlers['users.pageDown']();
	t.is(list.selected(), 'carl');
	list.handlers['users.pageUp']();
	t.is(list.selected(), 'ben');
	list.handlers['users.last']();
	t.is(list.selected(), 'zoë');
	list.handlers['users.pageDown']();
	t.is(list.selected(), 'zoë', 'stays at the end');
	list.handlers['users.first']();
	t.is(list.selected(), 'me');
	list.handlers['users.previous']();
	t.is(list.selected(), 'me', 'stays at the top');
	list.handlers['users.leave']();
	t.is(list.screen().focus, 'input');

	const other = listWith(names);
	other.type('ev');
	other.handlers['users.mention']();
	t.is(other.line().value, '@eve ');
	t.is(other.screen().focus, 'input');
});
