import test from 'ava';
import {buildLogItems, formatItem} from '../../source/state/log-lines.js';
import {bottomView, type LogLayout} from '../../source/state/log-window.js';
import {
	initialScreenState,
	newBelow,
	screenReducer,
	scopesFor,
	type ScreenAction,
	type ScreenState,
} from '../../source/state/screen-state.js';
import {context, local, stored} from '../helpers/log-fixtures.js';

const reduce = (state: ScreenState, ...actions: ScreenAction[]) => {
	let current = state;
	for (const action of actions) {
		current = screenReducer(current, action);
	}

	return current;
};

const layout: LogLayout = {
	items: buildLogItems(
		stored(...Array.from({length: 30}, (_, n) => ({content: `m${n}`, time: local(1, 9, n)}))),
		[],
		[],
	),
	height: 5,
	linesOf: (item) => formatItem(item, 40, context, 'en'),
};

test('Tab cycles input → log → user list → input; Shift-Tab goes back', (t) => {
	const next: ScreenAction = {type: 'focus-moved', by: 1, panelShown: true};
	const back: ScreenAction = {type: 'focus-moved', by: -1, panelShown: true};
	const start = initialScreenState();
	t.is(start.focus, 'input');
	t.is(reduce(start, next).focus, 'log');
	t.is(reduce(start, next, next).focus, 'users');
	t.is(reduce(start, next, next, next).focus, 'input');
	t.is(reduce(start, back).focus, 'users');
	t.is(reduce(start, back, back).focus, 'log');
});

test('without the user list Tab skips it, and hiding it moves the focus away from it', (t) => {
	const next: ScreenAction = {type: 'focus-moved', by: 1, panelShown: false};
	t.is(reduce(initialScreenState(), next, next).focus, 'input');
	const onUsers = reduce(initialScreenState(), {type: 'focused', focus: 'users'});
	t.is(reduce(onUsers, {type: 'panel-toggled', shown: false}).focus, 'input');
	t.is(reduce(onUsers, {type: 'panel-toggled', shown: true}).focus, 'users');
});

test('scrolling up counts what arrives as new; back at the bottom the count ends', (t) => {
	let state = reduce(initialScreenState(), {type: 'scrolled', lines: -3, layout, liveCount: 10});
	t.is(state.view.kind, 'anchored');
	t.is(newBelow(state, 10), 0);
	t.is(newBelow(state, 14), 4);
	state = reduce(state, {type: 'scrolled', lines: -3, layout, liveCount: 14});
	t.is(newBelow(state, 14), 4, 'scrolling further keeps counting from where it left');
	state = reduce(state, {type: 'view-set', view: bottomView, liveCount: 14});
	t.is(state.view, bottomView);
	t.is(newBelow(state, 20), 0);
	t.is(reduce(state, {type: 'scrolled', lines: 3, layout, liveCount: 20}), state);
});

test('the user list selection is who was chosen, and where; letters typed are kept with it', (t) => {
	const chosen = reduce(initialScreenState(), {type: 'user-selected', index: 4, userId: 'u-4'});
	t.is(chosen.selectedUser, 4);
	t.is(chosen.selectedUserId, 'u-4');
	const typed = reduce(chosen, {type: 'user-typed', prefix: {text: 'b', at: 1}, found: undefined});
	t.is(typed.selectedUserId, 'u-4', 'nothing found: the selection stays');
	t.deepEqual(typed.userPrefix, {text: 'b', at: 1});
	const found = reduce(typed, {
		type: 'user-typed',
		prefix: {text: 'bo', at: 2},
		found: {index: 1, userId: 'u-1'},
	});
	t.is(found.selectedUser, 1);
	t.is(found.selectedUserId, 'u-1');
});

test('help opens, scrolls within bounds and closes', (t) => {
	let state = reduce(initialScreenState(), {type: 'help-opened'});
	t.deepEqual(state.help, {scroll: 0});
	t.deepEqual(scopesFor(state), ['app', 'help']);
	state = reduce(state, {type: 'help-scrolled', lines: 10, max: 7});
	t.deepEqual(state.help, {scroll: 7});
	state = reduce(state, {type: 'help-scrolled', lines: -100, max: 7});
	t.deepEqual(state.help, {scroll: 0});
	state = reduce(state, {type: 'help-closed'});
	t.is(state.help, undefined);
	t.is(reduce(state, {type: 'help-scrolled', lines: 1, max: 7}), state);
});

test('a search prompt, then a match, moves the focus to the log for n/N', (t) => {
	let state = reduce(initialScreenState(), {type: 'search-prompted'});
	t.deepEqual(scopesFor(state), ['app', 'search', 'edit']);
	state = reduce(state, {type: 'search-set', search: {query: 'x', current: 'key'}});
	t.false(state.prompting);
	t.is(state.focus, 'log');
	t.deepEqual(scopesFor(state), ['app', 'log', 'screen']);
	const none = reduce(initialScreenState(), {
		type: 'search-set',
		search: {query: 'x', current: undefined},
	});
	t.is(none.focus, 'input', 'nothing found: keep typing');
	t.is(reduce(state, {type: 'cleared'}).search, undefined);
});

test('keys go to the focused pane first, then to the whole screen', (t) => {
	const state = initialScreenState();
	t.deepEqual(scopesFor(state), ['app', 'input', 'edit', 'screen']);
	t.deepEqual(scopesFor(state, 'users'), ['app', 'users', 'screen']);
});

test('the quit question and the bell switch', (t) => {
	const asked = reduce(initialScreenState(), {type: 'quit-asked'});
	t.true(asked.confirmingQuit);
	t.false(reduce(asked, {type: 'quit-cancelled'}).confirmingQuit);
	t.true(initialScreenState().bell);
	t.false(initialScreenState(false).bell);
	t.false(reduce(initialScreenState(), {type: 'bell-set', on: false}).bell);
});
