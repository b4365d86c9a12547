import {actionText, type LogItem} from './log-lines.js';

/*
Search in the loaded history, pure: which items match, and moving between matches. A search
starts at the newest match; "next" goes further back (older), as reading a log upward does.
*/

function searchableText(item: LogItem): string | undefined {
	if (item.kind === 'notice') {
		return item.notice.text;
	}

	if (item.kind !== 'message') {
		return undefined;
	}

	const {message} = item;
	const content = actionText(message.content) ?? message.content;
	return message.sender === undefined ? content : `${message.sender}\n${content}`;
}

/** Keys of the items whose text or sender contains `query` (any case), oldest first. */
export function findMatches(items: readonly LogItem[], query: string): string[] {
	const needle = query.toLocaleLowerCase();
	if (needle.length === 0) {
		return [];
	}

	return items
		.filter((item) => searchableText(item)?.toLocaleLowerCase().includes(needle))
		.map((item) => item.key);
}

/**
 * The match after `current` in a direction, staying on the last one at either end. Without a
 * current match (or when it is gone): the newest.
 */
export function stepMatch(
	matches: readonly string[],
	current: string | undefined,
	direction: 'older' | 'newer',
): string | undefined {
	const at = current === undefined ? -1 : matches.indexOf(current);
	if (at === -1) {
		return matches.at(-1);
	}

	const next = direction === 'older' ? Math.max(0, at - 1) : Math.min(matches.length - 1, at + 1);
	return matches[next];
}
