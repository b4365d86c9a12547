import {useEffect, useRef, type Dispatch, type RefObject} from 'react';
import type {ChatSocket} from '../protocol/socket-client.js';
import type {SafeText} from '../protocol/types.js';
import type {ChatAction, LiveEvent} from '../state/chat-state.js';
import {idleCollector} from '../startup/idle-collect.js';

/** How long live events are gathered before one state update: about a frame. */
const frameMs = 16;
/**
 * In a busy room (events again within `busyMs` of the last update) they are gathered for longer,
 * so that drawing the room does not take every frame and typing still echoes at once.
 */
const busyMs = 100;

export type LiveSocketOptions = {
	readonly serverUrl: string;
	readonly userId: string;
	readonly username: string;
	readonly insecure?: boolean;
	readonly dispatch: Dispatch<ChatAction>;
	readonly notice: (level: 'info' | 'error', text: string) => void;
	/** After every join: the first (`reconnect` false) and each one after a drop. */
	readonly onJoined: (socket: ChatSocket, reconnect: boolean) => void;
	/** The log's note when a live link drops, `{reason}` filled in. */
	readonly lostLabel?: string;
	/**
	 * Set to what applies the buffered live events now: a history page must be stitched after the
	 * live events that came before it (client/timeline.ts), not before them.
	 */
	readonly flushRef?: {current: () => void};
	/** Set to the live socket, for sending; undefined while there is none. */
	readonly socketRef: {current: ChatSocket | undefined};
};

/**
 * The socket: one per server and user, its events buffered and applied once per frame (a flood
 * of messages is one state update per frame, not one per message), every listener removed on
 * cleanup. `socketRef` holds the live socket, for sending.
 */
export function useLiveSocket(options: LiveSocketOptions): void {
	const {serverUrl, userId, insecure, dispatch, socketRef} = options;
	// Callbacks and the name may change between renders; the socket must not.
	const latest = useRef(options);
	latest.current = options;

	useEffect(() => {
		let stop: (() => void) | undefined;
		let cancelled = false;
		// socket.io's client is loaded once the screen is up: the first history page (REST)
		// does not wait for it.
		void import('../protocol/socket-client.js').then(({ChatSocket}) => {
			if (cancelled) {
				return;
			}

			const socket = new ChatSocket({
				url: serverUrl,
				userId,
				username: latest.current.username,
				insecure,
			});
			socketRef.current = socket;
			const {detach, flush} = listen(socket, latest, dispatch);
			if (latest.current.flushRef) {
				latest.current.flushRef.current = flush;
			}

			socket.connect();
			stop = () => {
				detach();
				socket.close();
				socketRef.current = undefined;
			};
		});
		return () => {
			cancelled = true;
			stop?.();
		};
	}, [serverUrl, userId, insecure, dispatch, socketRef]);
}

/**
 * Live events gathered into one state update per frame (longer in a busy room), and invalid
 * payloads into one notice per update.
 */
function liveBuffer(dispatch: Dispatch<ChatAction>, notice: (text: string) => void) {
	let buffer: LiveEvent[] = [];
	let invalid: SafeText[] = [];
	let timer: NodeJS.Timeout | undefined;
	let lastFlush = 0;
	const garbage = idleCollector();
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		lastFlush = performance.now();
		if (buffer.length > 0) {
			const events = buffer;
			buffer = [];
			dispatch({type: 'events-received', events});
			garbage.count(events.length);
		}

		if (invalid.length > 0) {
			const more = invalid.length > 1 ? ` (and ${invalid.length - 1} more)` : '';
			notice(`${invalid[0]!}${more}`);
			invalid = [];
		}
	};

	const later = () => {
		timer ??= setTimeout(flush, performance.now() - lastFlush < busyMs ? busyMs : frameMs);
	};

	return {
		flush,
		add(event: LiveEvent) {
			buffer.push(event);
			later();
		},
		addInvalid(problem: SafeText) {
			invalid.push(problem);
			later();
		},
		stop() {
			clearTimeout(timer);
			garbage.stop();
		},
	};
}

/**
 * Buffer the socket's events into state updates; returns what removes every listener, and what
 * applies the buffered events at once.
 */
function listen(
	socket: ChatSocket,
	latest: RefObject<LiveSocketOptions>,
	dispatch: Dispatch<ChatAction>,
): {readonly detach: () => void; readonly flush: () => void} {
	const buffer = liveBuffer(dispatch, (text) => {
		latest.current.notice('error', text);
	});
	const {flush} = buffer;
	let wasOnline = false;
	const unsubscribe = [
		socket.on('message', (message) => {
			buffer.add({kind: 'message', message});
		}),
		socket.on('userList', (list) => {
			buffer.add({kind: 'userList', list});
		}),
		socket.on('userCount', (count) => {
			buffer.add({kind: 'userCount', count});
		}),
		socket.on('invalid', (problem) => {
			buffer.addInvalid(problem);
		}),
		socket.on('state', (connection) => {
			flush();
			// A drop of a live link is noted in the log too, as its return is ("reconnected").
			if (connection.status === 'reconnecting' && wasOnline) {
				const label = latest.current.lostLabel ?? 'connection lost ({reason}); reconnecting…';
				latest.current.notice('info', label.replace('{reason}', connection.reason));
			}

			wasOnline = connection.status === 'online';
			dispatch({type: 'connection-changed', connection});
		}),
		socket.on('rtt', (ms) => {
			dispatch({type: 'rtt-measured', ms});
		}),
		socket.on('joined', ({reconnect}) => {
			flush();
			dispatch({type: 'connected'});
			latest.current.onJoined(socket, reconnect);
		}),
	];
	const detach = () => {
		for (const off of unsubscribe) {
			off();
		}

		buffer.stop();
	};

	return {detach, flush};
}
