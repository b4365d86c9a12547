import {Box, Text, useApp} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import {useChat, type ChatConnection} from '../hooks/use-chat.js';
import {useKeys} from '../hooks/use-keys.js';
import type {Labels} from '../i18n.js';
import {bindings, commandFor, describeKeys, type Command} from '../keymap.js';
import type {Lang} from '../options.js';
import {onlineCount} from '../state/chat-state.js';
import {commandHelp, commandNames, parseInput} from '../state/commands.js';
import type {Key} from '../state/keys.js';
import {useLineEditor} from '../hooks/use-line-editor.js';
import {buildLogItems, type FormatContext} from '../state/log-lines.js';
import {theme} from '../theme.js';
import {ConnectionProblem} from './connection-problem.js';
import {InputLine} from './input-line.js';
import {MessageLog} from './message-log.js';
import {StatusBar} from './status-bar.js';
import {isTooSmall, TooSmall} from './too-small.js';
import {UserList} from './user-list.js';

export type ChatScreenProps = {
	readonly connection: ChatConnection;
	readonly columns: number;
	readonly rows: number;
	readonly lang: Lang;
	readonly labels: Labels;
	/** Clear the terminal and paint everything again (Ctrl-L). */
	readonly onRedraw?: () => void;
};

/** The panel shows from this width on, unless the user toggled it. */
const panelMinColumns = 60;
const panelWidth = 22;

export function ChatScreen({connection, columns, rows, lang, labels, onRedraw}: ChatScreenProps) {
	// One row short of the terminal: a frame as tall as the terminal makes Ink repaint it all.
	const height = rows - 1;
	const tooSmall = isTooSmall(columns, rows);
	const chat = useChat(connection);
	const {state} = chat;
	const {exit} = useApp();
	const editor = useLineEditor();
	const [scrollOffset, setScrollOffset] = useState(0);
	const [panelChoice, setPanelChoice] = useState<boolean | undefined>(undefined);
	const [confirmingQuit, setConfirmingQuit] = useState(false);
	const unsent = state.pending.length;
	const quit = () => {
		if (unsent > 0 && !confirmingQuit) {
			setConfirmingQuit(true);
		} else {
			exit();
		}
	};

	const showPanel = panelChoice ?? columns >= panelMinColumns;
	const logWidth = showPanel ? columns - panelWidth : columns;
	const logHeight = height - 2;

	const items = useMemo(
		() => buildLogItems(state.messages, state.notices, state.pending, state.clearedBefore),
		[state.messages, state.notices, state.pending, state.clearedBefore],
	);
	const context = useMemo<FormatContext>(
		() => ({
			userId: state.me.userId,
			username: state.me.username,
			labels,
			showTime: logWidth >= 50,
		}),
		[state.me.userId, state.me.username, labels, logWidth],
	);

	const runCommand = (name: (typeof commandNames)[number], argument: string) => {
		switch (name) {
			case 'quit': {
				quit();
				break;
			}

			case 'help': {
				for (const command of commandNames) {
					chat.notice(
						'info',
						`${commandHelp[command].usage.padEnd(18)} ${commandHelp[command].help}`,
					);
				}

				for (const command of Object.keys(bindings) as Command[]) {
					chat.notice('info', `${describeKeys(command).padEnd(18)} ${bindings[command].help}`);
				}

				break;
			}

			case 'users': {
				const names = state.users.map((user) => user.username).join(', ');
				chat.notice('info', `${labels.online} (${onlineCount(state)}): ${names}`);
				break;
			}

			case 'broadcast': {
				chat.broadcast(argument);
				break;
			}

			case 'clear': {
				setScrollOffset(0);
				chat.clear();
				break;
			}

			case 'me': {
				chat.send(`/me ${argument}`);
				break;
			}

			case 'nick': {
				chat.rename(argument);
				break;
			}

			case 'reconnect': {
				chat.reconnect();
				break;
			}

			case 'search': {
				chat.notice('error', 'search is not available yet');
				break;
			}
		}
	};

	const submit = () => {
		const parsed = parseInput(editor.read().value);
		switch (parsed.kind) {
			case 'empty': {
				return;
			}

			case 'message': {
				chat.send(parsed.text);
				setScrollOffset(0);
				break;
			}

			case 'error': {
				chat.notice('error', parsed.text);
				break;
			}

			case 'command': {
				runCommand(parsed.name, parsed.argument);
				break;
			}
		}

		editor.apply({type: 'clear'});
	};

	const page = Math.max(1, logHeight - 1);
	const scrollBy = (lines: number) => {
		setScrollOffset((offset) => Math.max(0, offset + lines));
	};

	const screenActions: Partial<Record<Command, () => void>> = {
		'app.quit': quit,
		'app.quitIfEmpty'() {
			if (editor.read().value.length === 0) {
				quit();
			} else {
				editor.apply({type: 'delete'});
			}
		},
		'app.redraw'() {
			onRedraw?.();
		},
		'panel.toggle'() {
			setPanelChoice(!showPanel);
		},
		'scroll.pageUp'() {
			scrollBy(page);
		},
		'scroll.pageDown'() {
			scrollBy(-page);
		},
		'scroll.lineUp'() {
			scrollBy(1);
		},
		'scroll.lineDown'() {
			scrollBy(-1);
		},
		'input.submit': submit,
		'outbox.retry': chat.retryFailed,
	};

	const onKey = (key: Key) => {
		if (confirmingQuit) {
			// Anything but y (or a second Ctrl-C) keeps the chat open.
			if (
				(key.kind === 'text' && key.text.toLowerCase() === 'y') ||
				commandFor(key) === 'app.quit'
			) {
				exit();
			}

			setConfirmingQuit(false);
			return;
		}

		if (editor.handleKey(key)) {
			return;
		}

		const command = commandFor(key);
		if (command !== undefined) {
			screenActions[command]?.();
		}
	};

	useKeys(onKey, !tooSmall);
	if (tooSmall) {
		// The chat stays connected underneath; only the layout waits for room.
		return <TooSmall columns={columns} rows={rows} height={height} labels={labels} />;
	}

	const failed = state.pending.filter((pending) => pending.status === 'failed').length;
	const statusNote =
		failed > 0
			? `${failed} ${labels.failed} · ${labels.retryHint}`
			: (state.lastError ?? (showPanel ? undefined : labels.panelHint));
	const banner =
		state.history.status === 'loading' && state.messages.length === 0
			? labels.loadingHistory
			: undefined;
	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Box flexDirection="row" height={logHeight}>
				{!state.everOnline && state.connection.status === 'reconnecting' ? (
					<ConnectionProblem
						server={connection.serverUrl}
						connection={state.connection}
						detail={state.lastError}
						width={logWidth}
						height={logHeight}
						labels={labels}
					/>
				) : (
					<MessageLog
						items={items}
						width={logWidth}
						height={logHeight}
						scrollOffset={scrollOffset}
						context={context}
						lang={lang}
						banner={banner}
					/>
				)}
				{showPanel ? (
					<UserList
						users={state.users}
						count={onlineCount(state)}
						userId={state.me.userId}
						width={panelWidth}
						height={logHeight}
						labels={labels}
					/>
				) : null}
			</Box>
			<StatusBar
				server={connection.serverUrl}
				connection={state.connection}
				rttMs={state.rttMs}
				username={state.me.username}
				width={columns}
				labels={labels}
				note={statusNote}
				noteIsError={state.lastError !== undefined || failed > 0}
			/>
			{confirmingQuit ? (
				<Text wrap="truncate-end" {...theme.statusWarn}>
					{unsent} {labels.unsentQuit}
				</Text>
			) : (
				<InputLine line={editor.line} width={columns} placeholder={labels.placeholder} />
			)}
		</Box>
	);
}
