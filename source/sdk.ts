/**
 * chat-tui's SDK: `import {ChatClient, ChatRestApi} from 'chat-tui'`.
 *
 * The TypeScript counterpart of the original guide's Python `ChatClient` and `ChatRestAPI`, built
 * from the same code as the full-screen chat: the socket client (joins on every connect,
 * reconnects by itself, heartbeat), the REST client (typed errors), the parser that sanitizes
 * every remote string, and the outbox rules that confirm a sent line by its echo.
 */
export {
	ChatClient,
	ChatConnectError,
	ChatSendError,
	MessageTooLongError,
	type ChatClientEvents,
	type ChatClientOptions,
	type ConnectOptions,
} from './client/chat-client.js';
export {ChatRestApi, type RestClientOptions, type SendResult} from './protocol/rest-client.js';
/** What the `userList` event carries: the users, and how many malformed entries were dropped. */
export type {UserList} from './protocol/parse.js';
export type {SendRate} from './client/send-queue.js';
export type {CatchUpReport} from './client/timeline-keeper.js';
export type {StoredMessage} from './client/timeline.js';
export {
	ChatSocket,
	type ChatSocketEvents,
	type ChatSocketOptions,
	type ConnectionState,
} from './protocol/socket-client.js';
export {ChatApiError, type ChatErrorKind} from './protocol/errors.js';
/** Close the HTTP connections ChatRestApi keeps alive, so a short script exits at once. */
export {closeDispatchers} from './protocol/dispatcher.js';
export {sanitize, sanitizeText} from './protocol/sanitize.js';
export {parseMessage} from './protocol/parse.js';
export type {
	Message,
	MessageType,
	MessagesPage,
	SafeText,
	User,
	UsersPage,
} from './protocol/types.js';
