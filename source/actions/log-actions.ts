import {bottomView, topView, viewOnItem, viewWindow} from '../state/log-window.js';
import {findMatches, stepMatch} from '../state/search.js';
import type {ScreenActionsOptions} from './screen-actions-options.js';

export type LogContext = Pick<
	ScreenActionsOptions,
	'chat' | 'readScreen' | 'dispatchScreen' | 'layout' | 'page' | 'searchEditor'
>;

/**
 * The log's keys: scrolling by lines and pages, to the ends (the newest loads again when far
 * back), and the search's (below). `toBottom` and `search` serve the input line and the slash
 * commands too.
 */
export function logActions(context: LogContext) {
	const {chat, readScreen, dispatchScreen, layout, page} = context;
	const {liveCount, older, newer} = chat.state;

	const toBottom = () => {
		dispatchScreen({type: 'view-set', view: bottomView, liveCount});
		if (newer) {
			chat.loadNewer(true);
		}
	};

	const scroll = (lines: number) => {
		dispatchScreen({type: 'scrolled', lines, layout, liveCount});
		if (lines < 0 && older === 'failed' && viewWindow(readScreen().view, layout).firstVisible) {
			chat.loadOlder();
		}
	};

	const handlers = {
		'scroll.pageUp'() {
			scroll(-page);
		},
		'scroll.pageDown'() {
			scroll(page);
		},
		'scroll.lineUp'() {
			scroll(-1);
		},
		'scroll.lineDown'() {
			scroll(1);
		},
		'log.lineUp'() {
			scroll(-1);
		},
		'log.lineDown'() {
			scroll(1);
		},
		'log.top'() {
			dispatchScreen({type: 'view-set', view: topView(layout), liveCount});
		},
		'log.bottom': toBottom,
	};

	const searching = searchActions(context);
	return {handlers: {...handlers, ...searching.handlers}, toBottom, search: searching.search};
}

/** The search: its prompt (Ctrl-F), its newest match, and n/N through the others. */
function searchActions(context: LogContext) {
	const {chat, readScreen, dispatchScreen, layout, searchEditor} = context;
	const {liveCount} = chat.state;
	const showMatch = (query: string, current: string | undefined) => {
		dispatchScreen({type: 'search-set', search: {query, current}});
		if (current !== undefined) {
			dispatchScreen({type: 'view-set', view: viewOnItem(layout, current), liveCount});
		}
	};

	/** Show the newest match of `query`. */
	const search = (query: string) => {
		showMatch(query, findMatches(layout.items, query).at(-1));
	};

	const stepSearch = (direction: 'older' | 'newer') => {
		const current = readScreen().search;
		if (!current) {
			return false;
		}

		const next = stepMatch(findMatches(layout.items, current.query), current.current, direction);
		showMatch(current.query, next);
		return true;
	};

	const handlers = {
		'search.open'() {
			searchEditor.apply({type: 'set', value: readScreen().search?.query ?? ''});
			dispatchScreen({type: 'search-prompted'});
		},
		'search.next': () => stepSearch('older'),
		'search.previous': () => stepSearch('newer'),
		'search.run'() {
			const query = searchEditor.read().value.trim();
			if (query.length === 0) {
				dispatchScreen({type: 'search-cancelled'});
			} else {
				search(query);
			}
		},
		'search.cancel'() {
			dispatchScreen({type: 'search-cancelled'});
		},
	};

	return {handlers, search};
}
