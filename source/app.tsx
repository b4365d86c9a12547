import {useState} from 'react';
import {ChatScreen} from './components/chat-screen.js';
import {NamePrompt} from './components/name-prompt.js';
import {isTooSmall, TooSmall} from './components/too-small.js';
import {labelsFor} from './i18n.js';
import type {Lang} from './options.js';

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
	/** Where the offline queue is kept. */
	readonly outboxFile?: string;
	/** The terminal's size, passed in so tests can set it. */
	readonly columns: number;
	readonly rows: number;
	readonly onName?: (name: string) => void;
	readonly onRedraw?: () => void;
};

/** Composes the screen: the name prompt until there is a name, then the chat. */
export function App(props: AppProps) {
	const {columns, rows, lang} = props;
	const [name, setName] = useState(props.name);
	const labels = labelsFor(lang);
	// One row short of the terminal: a frame as tall as the terminal makes Ink repaint it all.
	const height = rows - 1;

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
		<ChatScreen
			connection={{
				serverUrl: props.serverUrl,
				apiUrl: props.apiUrl,
				userId: props.userId,
				username: name,
				insecure: props.insecure,
				outboxFile: props.outboxFile,
				labels: {reconnected: labels.reconnected, missed: labels.missed},
			}}
			columns={columns}
			rows={rows}
			lang={lang}
			labels={labels}
			onRedraw={props.onRedraw}
		/>
	);
}
