/*
The lines the user sent, walked with ↑/↓ like a shell's history. Pure. Walking away from the line
being typed keeps it as the draft, and walking past the newest entry brings it back.
*/

export type InputHistory = {
	/** Sent lines, oldest first. */
	readonly entries: readonly string[];
	/** The entry shown, or undefined while the draft is. */
	readonly at: number | undefined;
	/** What was typed before walking into the history. */
	readonly draft: string;
};

export const emptyHistory: InputHistory = {entries: [], at: undefined, draft: ''};

const maxEntries = 500;

/** A line was sent: it becomes the newest entry (once, if sent twice in a row). */
export function recordLine(history: InputHistory, line: string): InputHistory {
	if (line.trim().length === 0) {
		return {...history, at: undefined, draft: ''};
	}

	const entries = history.entries.at(-1) === line ? history.entries : [...history.entries, line];
	return {entries: entries.slice(-maxEntries), at: undefined, draft: ''};
}

/**
 * One step back (`previous`, older) or forward (`next`), from the line as it is now. Returns the
 * line to show, or undefined when there is nowhere to go.
 */
export function walkHistory(
	history: InputHistory,
	direction: 'previous' | 'next',
	current: string,
): {history: InputHistory; line: string} | undefined {
	const {entries, at} = history;
	if (direction === 'previous') {
		const target = (at ?? entries.length) - 1;
		if (target < 0) {
			return undefined;
		}

		const draft = at === undefined ? current : history.draft;
		return {history: {entries, at: target, draft}, line: entries[target]!};
	}

	if (at === undefined) {
		return undefined;
	}

	if (at + 1 >= entries.length) {
		return {history: {entries, at: undefined, draft: ''}, line: history.draft};
	}

	return {history: {...history, at: at + 1}, line: entries[at + 1]!};
}
