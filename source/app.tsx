import {useState} from 'react';
import {ChatScreen, type ChatScreenProps} from './components/chat-screen.js';
import {useChat, type ChatConnection} from './hooks/use-chat.js';
import {NamePrompt} from './components/name-prompt.js';
import {DisplayContext} from './components/display-context.js';
import {defaultDisplay, type Display} from './look/display.js';
import {isTooSmall, TooSmall} from './components/too-small.js';
import {labelsFor} from './look/i18n.js';
import type {Lang} from './cli/options.js';
import type {FirstPage} from './startup/first-page.js';

export type AppProps = {
	readonly serverUrl: string;
	readonly apiUrl: string;
	readonly userId: string;
	/** The name from `--name`; without it the user is asked. */
	readonly name?: string;
	/** What an empty answer to the name prompt takes. */
	readonly defaultName: string;
	readonly lang: Lang;
	readonly insecure?: boolean;
	/** Where the offline queue is kept: asked once the first frame is drawn (see use-outbox.ts). */
	readonly outboxFile?: () => string;
	/** Where the read position is kept (see read-position-store.ts): asked as the outbox's is. */
	readonly readFile?: () => string;
	/** The terminal's size, passed in so tests can set it. */
	readonly columns: number;
	readonly rows: number;
	readonly onName?: (name: string) => void;
	readonly onRedraw?: () => void;
	/** Theme, glyphs and time format; default dark, Unicode, HH:MM. */
	readonly display?: Display;
	/** Whether a mention rings the bell at start; default on. */
	readonly bell?: boolean;
	/** Whether a mention raises a desktop notification while the terminal is in the background. */
	readonly notify?: boolean;
	/** The newest history page, asked for at start (see startup/first-page.ts). */
	readonly firstPage?: FirstPage;
	/** The longest line sent, in characters; default the reference server's 2,000. */
	readonly maxLength?: number;
};

/** Composes the screen: the name prompt until there is a name, then the chat. */
export function App(props: AppProps) {
	const display = props.display ?? defaultDisplay;
	return (
		<DisplayContext.Provider value={display}>
			<Screen {...props} display={display} />
		</DisplayContext.Provider>
	);
}

function Screen(props: AppProps & {readonly display: Display}) {
	const {columns, rows, lang} = props;
	const [name, setName] = useState(props.name);
	const labels = labelsFor(lang, props.display.glyphs.ascii);
	// Every row of the terminal: the input line is its last (see patches/ink+6.8.0.patch).
	const height = rows;

	if (name === undefined) {
		if (isTooSmall(columns, rows)) {
			return <TooSmall columns={columns} rows={rows} height={height} labels={labels} />;
		}

		return (
			<NamePrompt
				defaultName={props.defaultName}
				labels={labels}
				width={columns}
				height={height}
				server={props.serverUrl}
				onSubmit={(chosen) => {
					setName(chosen);
					props.onName?.(chosen);
				}}
			/>
		);
	}

	return (
		<ConnectedChatScreen
			connection={{
				serverUrl: props.serverUrl,
				apiUrl: props.apiUrl,
				userId: props.userId,
				username: name,
				insecure: props.insecure,
				outboxFile: props.outboxFile,
				firstPage: props.firstPage,
				labels: {
					reconnected: labels.reconnected,
					connectionLost: labels.connectionLost,
					missed: labels.missed,
					missedOne: labels.missedOne,
				},
			}}
			columns={columns}
			rows={rows}
			lang={lang}
			labels={labels}
			bell={props.bell}
			maxLength={props.maxLength}
			notify={props.notify}
			readFile={props.readFile}
			onRedraw={props.onRedraw}
		/>
	);
}

export type ConnectedChatScreenProps = Omit<ChatScreenProps, 'chat' | 'server' | 'insecure'> & {
	readonly connection: ChatConnection;
};

/** The chat screen on a live connection: useChat does the IO, the screen shows its chat. */
export function ConnectedChatScreen({connection, ...props}: ConnectedChatScreenProps) {
	const chat = useChat(connection);
	return (
		<ChatScreen
			{...props}
			chat={chat}
			server={connection.serverUrl}
			insecure={connection.insecure}
		/>
	);
}
