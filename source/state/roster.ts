import type {User} from '../protocol/types.js';

/*
Who is online, kept so that its cost follows what changed, not the size of the room. The server
sends the whole list on every join and leave (5,000 people: 300 KB each time):
- `reconcileUsers` takes a new list in once: users whose entry is unchanged keep the object held,
  and a list equal to the one held is the held array itself, so nothing downstream runs again;
- `sortRoster` keeps the panel's order (own entry first, then by name) by removing who left and
  inserting who came, instead of sorting the room again;
- the roster holds each name folded to lower case, for completion and the panel's type-ahead.
*/

/** The new list, with the held objects of the users it did not change; `held` when equal. */
export function reconcileUsers(held: readonly User[], incoming: readonly User[]): readonly User[] {
	if (held.length === 0) {
		return incoming.length === 0 ? held : incoming;
	}

	const byId = new Map(held.map((user) => [user.userId, user]));
	let same = held.length === incoming.length;
	const next = incoming.map((user, index) => {
		const kept = byId.get(user.userId);
		const result = kept?.username === user.username ? kept : user;
		same &&= result === held[index];
		return result;
	});
	return same ? held : next;
}

export type Roster = {
	/** The list it was made from (arrival order), and whose entry goes first. */
	readonly source: readonly User[];
	readonly userId: string;
	/** The panel's order: the user's own entry first, then by name, case and accents aside. */
	readonly users: readonly User[];
	/** Each name of `users` in lower case, at the same index. */
	readonly folded: readonly string[];
};

let collator: Intl.Collator | undefined;

/** Own entry first, then by name (case and accents aside), then by id: one order for any input. */
export function compareUsers(userId: string): (a: User, b: User) => number {
	collator ??= new Intl.Collator(undefined, {sensitivity: 'base'});
	const {compare} = collator;
	return (a, b) =>
		Number(b.userId === userId) - Number(a.userId === userId) ||
		compare(a.username, b.username) ||
		(a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

const fold = (name: string) => name.toLowerCase();

function fullRoster(source: readonly User[], userId: string): Roster {
	const users = [...source].sort(compareUsers(userId));
	return {source, userId, users, folded: users.map((user) => fold(user.username))};
}

/** Where `user` goes in `users` (sorted by `compare`): the first index whose entry comes after. */
function insertionPoint(users: readonly User[], user: User, compare: (a: User, b: User) => number) {
	let low = 0;
	let high = users.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (compare(users[middle]!, user) <= 0) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

/**
 * The roster of `source`, updated from `previous`: who left is removed and who came (or was
 * renamed: a new object) is inserted in place. A large change sorts again.
 */
export function sortRoster(
	previous: Roster | undefined,
	source: readonly User[],
	userId: string,
): Roster {
	if (previous?.source === source && previous.userId === userId) {
		return previous;
	}

	if (previous?.userId !== userId) {
		return fullRoster(source, userId);
	}

	const before = new Set(previous.source);
	const added = source.filter((user) => !before.has(user));
	if (added.length > 64 && added.length > source.length / 8) {
		return fullRoster(source, userId);
	}

	const now = new Set(source);
	const users: User[] = [];
	const folded: string[] = [];
	for (const [index, user] of previous.users.entries()) {
		if (now.has(user)) {
			users.push(user);
			folded.push(previous.folded[index]!);
		}
	}

	const compare = compareUsers(userId);
	for (const user of added) {
		const at = insertionPoint(users, user, compare);
		users.splice(at, 0, user);
		folded.splice(at, 0, fold(user.username));
	}

	return {source, userId, users, folded};
}

/** The first index from `from` on (wrapping around) whose name starts with `prefix`; -1: none. */
export function findByPrefix(roster: Roster, prefix: string, from = 0): number {
	const wanted = fold(prefix);
	const {folded} = roster;
	for (let step = 0; step < folded.length; step++) {
		const index = (from + step) % folded.length;
		if (folded[index]!.startsWith(wanted)) {
			return index;
		}
	}

	return -1;
}

const positions = new WeakMap<Roster, Map<string, number>>();

/**
 * Where the selection is in the roster now: the selected user's place, wherever joins and leaves
 * moved them; when they left (or none was chosen), the place they had, within the list.
 */
export function selectedIndex(
	roster: Roster,
	selection: {readonly index: number; readonly userId: string | undefined},
): number {
	if (selection.userId !== undefined) {
		let byId = positions.get(roster);
		if (!byId) {
			byId = new Map(roster.users.map((user, index) => [user.userId, index]));
			positions.set(roster, byId);
		}

		const index = byId.get(selection.userId);
		if (index !== undefined) {
			return index;
		}
	}

	return Math.max(0, Math.min(roster.users.length - 1, selection.index));
}
