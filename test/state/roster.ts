import test from 'ava';
import type {User} from '../../source/protocol/types.js';
import {
	findByPrefix,
	reconcileUsers,
	selectedIndex,
	sortRoster,
	type Roster,
} from '../../source/state/roster.js';
import {safe} from '../helpers/messages.js';
import {seededRandom} from '../helpers/random.js';

const user = (userId: string, username: string): User => ({
	userId: safe(userId),
	username: safe(username),
});
const names = (roster: Roster) => roster.users.map((each) => each.username);

test('a list equal to the one held is the held array; unchanged users keep their objects', (t) => {
	const held = [user('a', 'ann'), user('b', 'bo'), user('c', 'cy')];
	const again = held.map((each) => ({...each}));
	t.is(reconcileUsers(held, again), held);

	const changed = reconcileUsers(held, [user('c', 'cy'), user('a', 'anna'), user('d', 'di')]);
	t.not(changed, held);
	t.is(changed[0], held[2], 'cy is the object held');
	t.deepEqual(changed[1], user('a', 'anna'), 'a rename is a new object');
	t.not(changed[1], held[0]);
	t.deepEqual(reconcileUsers(held, []), []);
	t.deepEqual(reconcileUsers([], held), held);
});

test('the roster: own entry first, then by name whatever the case and accents', (t) => {
	const users = [user('1', 'zoe'), user('2', 'Émile'), user('me', 'mia'), user('3', 'adam')];
	t.deepEqual(names(sortRoster(undefined, users, 'me')), ['mia', 'adam', 'Émile', 'zoe']);
	t.deepEqual(sortRoster(undefined, users, 'me').folded, ['mia', 'adam', 'émile', 'zoe']);
});

test('the same list gives the same roster; another own id sorts again', (t) => {
	const users = [user('1', 'zoe'), user('me', 'mia')];
	const roster = sortRoster(undefined, users, 'me');
	t.is(sortRoster(roster, users, 'me'), roster);
	t.deepEqual(names(sortRoster(roster, users, '1')), ['zoe', 'mia']);
});

test('updated by joins, leaves and renames, the roster is what sorting the list afresh gives', (t) => {
	for (const seed of [1, 2, 3, 4, 5]) {
		const random = seededRandom(seed);
		const pool = ['amy', 'Amy', 'bob', 'Émile', 'emile', 'zoë', '张伟', 'x', 'al', 'Al-1'];
		let list: readonly User[] = Array.from({length: 200}, (_, n) =>
			user(`u${n}`, `${random.pick(pool)}${random.int(50)}`),
		);
		let roster = sortRoster(undefined, list, 'u3');
		let next = 200;
		for (let step = 0; step < 100; step++) {
			const incoming = list
				.filter(() => random.next() > 0.02)
				.map((each) =>
					random.next() < 0.01 ? user(each.userId, `${random.pick(pool)}${step}`) : {...each},
				);
			const joins = random.int(step % 10 === 0 ? 300 : 4);
			for (let n = 0; n < joins; n++) {
				incoming.splice(random.int(incoming.length + 1), 0, user(`u${next++}`, random.pick(pool)));
			}

			list = reconcileUsers(list, incoming);
			roster = sortRoster(roster, list, 'u3');
			const fresh = sortRoster(undefined, list, 'u3');
			t.deepEqual(roster.users, fresh.users, `seed ${seed}, step ${step}`);
			t.deepEqual(roster.folded, fresh.folded, `seed ${seed}, step ${step}`);
		}
	}
});

test('findByPrefix: the first name starting with the letters, any case, from an index on', (t) => {
	const roster = sortRoster(
		undefined,
		[user('me', 'zed'), user('1', 'Bob'), user('2', 'bobby'), user('3', 'carl'), user('4', '张伟')],
		'me',
	);
	t.is(findByPrefix(roster, 'b'), 1);
	t.is(findByPrefix(roster, 'BOBB'), 2);
	t.is(findByPrefix(roster, 'b', 2), 2);
	t.is(findByPrefix(roster, 'b', 3), 1, 'wraps around');
	t.is(findByPrefix(roster, 'z'), 0, 'the own entry too');
	t.is(findByPrefix(roster, '张'), 4);
	t.is(findByPrefix(roster, 'q'), -1);
});

test('the selection follows the user chosen as others come and go; gone, it keeps the place', (t) => {
	const before = sortRoster(undefined, [user('me', 'me'), user('2', 'bob'), user('3', 'cy')], 'me');
	const selection = {index: 2, userId: '3'};
	t.is(selectedIndex(before, selection), 2);
	const list = reconcileUsers(before.source, [...before.source, user('4', 'al'), user('5', 'amy')]);
	const after = sortRoster(before, list, 'me');
	t.is(after.users[selectedIndex(after, selection)]?.username, safe('cy'));
	const gone = sortRoster(after, list.slice(0, 2), 'me');
	t.is(selectedIndex(gone, selection), 1, 'cy left: the place, within the list');
	t.is(selectedIndex(gone, {index: 0, userId: undefined}), 0);
});
