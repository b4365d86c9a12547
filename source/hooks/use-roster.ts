import {useMemo, useRef} from 'react';
import type {User} from '../protocol/types.js';
import {sortRoster, type Roster} from '../state/roster.js';

/**
 * The user list in the panel's order, updated from the one before when the list changes (only
 * who came and left), and the same object while it does not: a keystroke sorts nothing.
 */
export function useRoster(users: readonly User[], userId: string): Roster {
	const previous = useRef<Roster | undefined>(undefined);
	return useMemo(() => {
		const roster = sortRoster(previous.current, users, userId);
		previous.current = roster;
		return roster;
	}, [users, userId]);
}
