import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {ChatApiError} from '../protocol/errors.js';
import {ChatRestApi} from '../protocol/rest-client.js';
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import {ChatSocket} from '../protocol/socket-client.js';
import {limits, type SafeText} from '../protocol/types.js';
import {
	chatReducer,
	initialChatState,
	type ChatState,
	type LiveEvent,
} from '../state/chat-state.js';

export type ChatConnection = {
	readonly serverUrl: string;
	readonly apiUrl: string;
	readonly userId: string;
	readonly username: string;
	readonly insecure?: boolean;
	/** Newest messages fetched at start. */
	readonly historyPageSize?: number;
};

export type Chat = {
	readonly state: ChatState;
	/** Send a line: at once when online, else queued until the next join. */
	readonly send: (content: string) => void;
	readonly notice: (level: 'info' | 'error', text: string) => void;
	/** POST /api/broadcast. */
	readonly broadcast: (content: string) => void;
	/** Join again under another name. */
	readonly rename: (username: string) => void;
	readonly reconnect: () => void;
	readonly clear: () => void;
};

/** How long live events are gathered before one state update: about a frame. */
const frameMs = 16;

const describeError = (error: unknown): SafeText =>
	sanitizeText(
		error instanceof ChatApiError ? error.message : String((error as Error)?.message ?? error),
	);

/**
 * The one place where REST and the socket meet the chat state. Everything here is IO; every
 * decision about what to show lives in the reducer.
 */
export function useChat(connection: ChatConnection): Chat {
	const {serverUrl, apiUrl, userId, username, insecure, historyPageSize = 50} = connection;
	const [state, dispatch] = useReducer(chatReducer, {userId, username}, initialChatState);
	const latest = useRef(state);
	latest.current = state;

	const api = useMemo(() => new ChatRestApi({baseUrl: apiUrl, insecure}), [apiUrl, insecure]);
	const socketRef = useRef<ChatSocket | undefined>(undefined);

	const notice = useCallback((level: 'info' | 'error', text: string) => {
		dispatch({type: 'notice', level, text: sanitizeText(text), now: Date.now()});
	}, []);

	const loadHistory = useCallback(async () => {
		dispatch({type: 'history-requested'});
		try {
			const page = await api.getMessages({limit: historyPageSize, offset: 0});
			dispatch({type: 'history-loaded', messages: page.messages, total: page.total});
			if (page.dropped > 0) {
				notice('error', `history: dropped ${page.dropped} malformed messages`);
			}
		} catch (error: unknown) {
			dispatch({type: 'history-failed', error: describeError(error)});
			notice('error', describeError(error));
		}
	}, [api, historyPageSize, notice]);

	// The socket: one per server and user, with every listener removed on cleanup.
	useEffect(() => {
		const socket = new ChatSocket({url: serverUrl, userId, username, insecure});
		socketRef.current = socket;
		let buffer: LiveEvent[] = [];
		let invalid: SafeText[] = [];
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			if (buffer.length > 0) {
				const events = buffer;
				buffer = [];
				dispatch({type: 'events-received', events});
			}

			if (invalid.length > 0) {
				const more = invalid.length > 1 ? ` (and ${invalid.length - 1} more)` : '';
				notice('error', `${invalid[0]!}${more}`);
				invalid = [];
			}
		};

		const queue = (event: LiveEvent) => {
			buffer.push(event);
			timer ??= setTimeout(flush, frameMs);
		};

		const unsubscribe = [
			socket.on('message', (message) => {
				queue({kind: 'message', message});
			}),
			socket.on('userList', (list) => {
				queue({kind: 'userList', list});
			}),
			socket.on('userCount', (count) => {
				queue({kind: 'userCount', count});
			}),
			socket.on('invalid', (problem) => {
				invalid.push(problem);
				timer ??= setTimeout(flush, frameMs);
			}),
			socket.on('state', (connectionState) => {
				flush();
				dispatch({type: 'connection-changed', connection: connectionState});
			}),
			socket.on('rtt', (ms) => {
				dispatch({type: 'rtt-measured', ms});
			}),
			socket.on('joined', ({reconnect}) => {
				// Lines typed while offline go out now, once each, in order.
				const queued = latest.current.pending.filter((line) => line.status === 'queued');
				const sent = queued.filter((line) => socket.send(line.content)).map((line) => line.localId);
				if (sent.length > 0) {
					dispatch({type: 'sends-started', localIds: sent});
				}

				if (reconnect) {
					void loadHistory();
				}
			}),
		];
		socket.connect();
		return () => {
			for (const off of unsubscribe) {
				off();
			}

			clearTimeout(timer);
			socket.close();
			socketRef.current = undefined;
		};
		// The name is sent with each join; a rename goes through `rename`, not a new socket.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [serverUrl, userId, insecure, loadHistory, notice]);

	// History: the newest page, fetched at once, in parallel with the socket's handshake.
	useEffect(() => {
		void loadHistory();
	}, [loadHistory]);

	const send = useCallback((content: string) => {
		const clean = sanitize(content, {multiline: true, maxLength: limits.contentLength}).text;
		if (clean.trim().length === 0) {
			return;
		}

		const sent = socketRef.current?.send(clean) ?? false;
		dispatch({type: 'send-queued', content: clean, now: Date.now(), sent});
	}, []);

	const broadcast = useCallback(
		(content: string) => {
			api.broadcast(content).catch((error: unknown) => {
				notice('error', `broadcast failed: ${describeError(error)}`);
			});
		},
		[api, notice],
	);

	const rename = useCallback((name: string) => {
		const clean = sanitizeText(name, limits.nameLength).trim();
		if (clean.length === 0) {
			return;
		}

		dispatch({type: 'renamed', username: clean});
		socketRef.current?.rename(clean);
	}, []);

	const reconnect = useCallback(() => {
		socketRef.current?.reconnectNow();
	}, []);

	const clear = useCallback(() => {
		dispatch({type: 'cleared'});
	}, []);

	return {state, send, notice, broadcast, rename, reconnect, clear};
}
