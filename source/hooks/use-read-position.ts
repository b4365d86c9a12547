import {useEffect, useReducer, useRef} from 'react';
import {
	loadReadPosition,
	readPositionSaver,
	type ReadPositionSaver,
} from '../client/read-position-store.js';
import type {ChatState} from '../state/chat-state.js';
import type {LogItem} from '../state/log-lines.js';
import {viewFrom, type LogLayout, type LogWindow} from '../state/log-window.js';
import {
	initialReadState,
	readReducer,
	type ReadAction,
	unreadSince,
	type UnreadMarker,
} from '../state/read-position.js';
import type {ScreenAction} from '../state/screen-state.js';

/*
The read position's IO (state/read-position.ts has the rules): the stored tail is read at start,
the marker placed once the history is in, and the newest message on screen is written back while
the terminal has the focus. `useReadPosition` runs before the log is laid out (the marker is one
of its lines); `useReadTracking` after it (it needs the window).
*/

export type ReadPosition = {
	readonly marker: UnreadMarker | undefined;
	readonly resolved: boolean;
	/** While the terminal is in the background: the unread messages that came meanwhile. */
	readonly awayUnread: number;
	readonly report: (key: string) => void;
};

export function useReadPosition(options: {
	/** The file, asked once the first frame is drawn (naming it takes node:crypto); none: off. */
	readonly file: (() => string) | undefined;
	readonly state: ChatState;
	/** The terminal has the focus. */
	readonly focused: boolean;
}): ReadPosition {
	const {file, state, focused} = options;
	// Held in a ref: what is seen changes with every message at the bottom, and only the marker,
	// the placing of it and the focus need a new frame.
	const readState = useRef(initialReadState);
	const [, render] = useReducer((count: number) => count + 1, 0);
	const saverRef = useRef<ReadPositionSaver | undefined>(undefined);
	const dispatch = (action: ReadAction) => {
		const before = readState.current;
		const next = readReducer(before, action);
		readState.current = next;
		if (next.seen !== before.seen && next.seen) {
			saverRef.current?.save(next.seen.tail);
		}

		if (
			next.marker !== before.marker ||
			next.resolved !== before.resolved ||
			next.away !== before.away ||
			next.stored !== before.stored
		) {
			render();
		}
	};

	const read = readState.current;
	const started = useRef(false);
	useEffect(() => {
		if (started.current) {
			return;
		}

		started.current = true;
		const name = file?.();
		if (!name) {
			dispatch({type: 'stored-loaded', tail: []});
			return;
		}

		void loadReadPosition(name).then((tail) => {
			saverRef.current = readPositionSaver(name);
			dispatch({type: 'stored-loaded', tail});
		});
	}, [file]);

	// Written on the way out, whatever the way.
	useEffect(
		() => () => {
			saverRef.current?.flush();
		},
		[],
	);

	const loaded = state.history.status === 'loaded';
	useEffect(() => {
		if (loaded && read.stored !== undefined && !read.resolved) {
			dispatch({type: 'history-shown', messages: state.messages, userId: state.me.userId});
		}
	}, [loaded, read.stored, read.resolved, state.messages, state.me.userId]);

	const {messages, me} = state;
	useEffect(() => {
		dispatch(focused ? {type: 'returned', messages, userId: me.userId} : {type: 'left', messages});
		// Only a change of focus moves the marker, not every message.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [focused]);

	const report = (key: string) => {
		dispatch({type: 'shown', messages, key});
	};

	const awayUnread = read.away ? unreadSince(messages, read.away.since, me.userId) : 0;
	return {marker: read.marker, resolved: read.resolved, awayUnread, report};
}

/** The newest message (partly) on screen, by key. */
export function newestShown(items: readonly LogItem[], window: LogWindow): string | undefined {
	for (let index = window.bottomIndex; index >= 0; index--) {
		const item = items[index];
		if (item?.kind === 'message') {
			return item.key;
		}
	}

	return undefined;
}

/**
 * What is on screen counts as seen; and the first time a marker is placed, the view opens on it:
 * at the bottom when the unread messages fit, else with the marker on the top row and "N new ↓".
 */
export function useReadTracking(options: {
	readonly read: ReadPosition;
	readonly layout: LogLayout;
	readonly window: LogWindow;
	readonly liveCount: number;
	readonly dispatchScreen: (action: ScreenAction) => void;
}): void {
	const {read, layout, window, liveCount, dispatchScreen} = options;
	const opened = useRef(false);
	// The view was just set to open at the marker: the window measured in this frame is not it.
	const justOpened = useRef(false);
	const {marker} = read;
	const markerKey = marker ? `unread:${marker.key}` : undefined;
	const markerShown =
		markerKey !== undefined && layout.items.some((item) => item.key === markerKey);
	useEffect(() => {
		if (opened.current || !marker || !markerShown) {
			return;
		}

		opened.current = true;
		const view = viewFrom(layout, markerKey);
		if (view.kind !== 'bottom') {
			justOpened.current = true;
			dispatchScreen({type: 'view-set', view, liveCount: liveCount - marker.count});
		}
	}, [marker, markerKey, markerShown, layout, liveCount, dispatchScreen]);

	const shown = newestShown(layout.items, window);
	const {report, resolved} = read;
	useEffect(() => {
		// Once the view is where it opens: until then the window is the bottom, not what is read.
		if (justOpened.current) {
			justOpened.current = false;
			return;
		}

		if (shown !== undefined && resolved && (opened.current || !markerShown)) {
			report(shown);
		}
		// `report` is new on every render; what is shown is what counts.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [shown, resolved, markerShown]);
}
