import {findByPrefix, selectedIndex} from '../state/roster.js';
import type {ScreenActionsOptions} from './screen-actions-options.js';

/** Letters typed within this long of each other make one prefix (as file managers do). */
export const typeAheadMs = 1000;

export type UserListContext = Pick<
	ScreenActionsOptions,
	'roster' | 'userPage' | 'readScreen' | 'dispatchScreen' | 'editor'
> & {
	/** The clock, for the type-ahead's pause; default Date.now. */
	readonly now?: () => number;
};

/**
 * The user list's keys: move a row, a page, to the ends; Enter mentions the selected user; Esc
 * leaves. `typeAhead` takes the letters typed there.
 */
export function userListActions(context: UserListContext) {
	const {roster, readScreen, dispatchScreen, editor} = context;
	const count = roster.users.length;
	const current = () => {
		const screen = readScreen();
		return selectedIndex(roster, {index: screen.selectedUser, userId: screen.selectedUserId});
	};

	/** Select the user `by` rows from the selection, within the list. */
	const move = (by: number) => {
		const index = Math.max(0, Math.min(count - 1, current() + by));
		dispatchScreen({type: 'user-selected', index, userId: roster.users[index]?.userId});
	};

	const handlers = {
		'users.previous'() {
			move(-1);
		},
		'users.next'() {
			move(1);
		},
		'users.pageUp'() {
			move(-context.userPage);
		},
		'users.pageDown'() {
			move(context.userPage);
		},
		'users.first'() {
			move(-count);
		},
		'users.last'() {
			move(count);
		},
		'users.mention'() {
			const user = roster.users[current()];
			if (!user) {
				return;
			}

			const line = editor.read();
			const space = line.cursor > 0 && !/\s/.test(line.value[line.cursor - 1]!) ? ' ' : '';
			editor.apply({type: 'insert', text: `${space}@${user.username} `});
			dispatchScreen({type: 'focused', focus: 'input'});
		},
		'users.leave'() {
			dispatchScreen({type: 'focused', focus: 'input'});
		},
	};

	/**
	 * A letter typed in the list: the letters typed lately, this one added, select the first name
	 * that starts with them. The same letter again, when no name starts with the letters doubled,
	 * goes on to the next name that starts with it. No match: the selection stays.
	 */
	const typeAhead = (letter: string) => {
		const screen = readScreen();
		const at = (context.now ?? Date.now)();
		const held = screen.userPrefix;
		const text = held && at - held.at < typeAheadMs ? held.text + letter : letter;
		let found = findByPrefix(roster, text);
		if (found === -1 && [...text].every((character) => character === letter)) {
			found = findByPrefix(roster, letter, current() + 1);
		}

		const user = roster.users[found];
		dispatchScreen({
			type: 'user-typed',
			prefix: {text, at},
			found: user ? {index: found, userId: user.userId} : undefined,
		});
	};

	return {handlers, typeAhead};
}
