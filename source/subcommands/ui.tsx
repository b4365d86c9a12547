import process from 'node:process';
import {render, type Instance} from 'ink';
import {App} from '../app.js';
import {configPath, rememberName, resolveUserId} from '../config/config.js';
import type {Display} from '../look/display.js';
import {setKeys, type Command} from '../keys/keymap.js';
import {outboxPath} from '../client/outbox-store.js';
import {readPositionPath} from '../client/read-position-store.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {useRawMode} from '../hooks/use-keys.js';
import type {Lang} from '../look/i18n.js';
import {enterFullScreen, onRestore, restoreOnExit, restoreTerminal} from '../terminal.js';
import {graphemeMode, probeTerminal} from '../render/probe.js';
import {learnWidths} from '../text/cluster-widths.js';
import {awaitFirstPage} from '../startup/first-page.js';
import type {MessagesPage} from '../protocol/types.js';
import {saveCacheSoon} from '../startup/save-code-cache.js';
import {loginName} from './identity.js';

export type UiOptions = {
	readonly serverUrl: string;
	readonly apiUrl: string;
	readonly name?: string;
	/** The name the config remembers: offered in the prompt when there is no `name`. */
	readonly rememberedName?: string;
	readonly userId?: string;
	readonly lang: Lang;
	readonly insecure?: boolean;
	/** Theme, glyphs and time format (see settings.ts); default dark, Unicode, HH:MM. */
	readonly display?: Display;
	/** Whether a mention rings the bell at start; default on. */
	readonly bell?: boolean;
	/** Whether a mention raises a desktop notification while the terminal is in the background. */
	readonly notify?: boolean;
	/** Other keys for commands, from the config (checked by key-overrides.ts). */
	readonly keys?: Partial<Record<Command, readonly string[]>>;
	/** The newest history page, asked for before this module loaded (see first-page.ts). */
	readonly firstPage?: Promise<MessagesPage>;
	/** The longest line sent, in characters; default the reference server's 2,000. */
	readonly maxLength?: number;
};

/** How long the first frame waits for a history page already asked for, rather than show "loading". */
const firstPageWaitMs = 100;
/** How long the first frame waits for the terminal to say how it measures emoji (render/probe.ts). */
const probeWaitMs = 200;

/**
 * Learn how this terminal measures the clusters terminals disagree on, before the first frame. Not
 * in ASCII (a locale that is not UTF-8, or --ascii): the probes are emoji, so nothing is learned
 * and rows with such clusters are drawn the safe way.
 */
async function learnTerminalWidths(ascii: boolean): Promise<void> {
	// CHAT_TUI_PROBE=0 asks nothing: for a terminal that shows the probes or their answers.
	if (ascii || process.env.CHAT_TUI_PROBE === '0') {
		learnWidths({});
		return;
	}

	const {widths, mode} = await probeTerminal(process.stdin, process.stdout, probeWaitMs);
	learnWidths(widths);
	if (mode === 2) {
		onRestore(graphemeMode.reset);
	}
}

/** Sizes the App to the terminal, following resizes. */
function FullScreen(props: Omit<Parameters<typeof App>[0], 'columns' | 'rows'>) {
	const {columns, rows} = useTerminalSize();
	useRawMode();
	return <App {...props} columns={columns} rows={rows} />;
}

/** The full-screen chat: alternate screen in, Ink until quit, terminal restored on every way out. */
export async function runUi(options: UiOptions): Promise<void> {
	if (options.keys) {
		setKeys(options.keys);
	}

	const file = configPath();
	const userId = await resolveUserId(file, options.userId);

	enterFullScreen(`chat-tui: ${options.serverUrl.replace(/^https?:\/\//, '')}`);
	// Once the chat is up, its code is worth keeping compiled for the next start.
	saveCacheSoon();
	// Raw mode at once, before the first frame: keys typed early are neither echoed nor lost,
	// and an early Ctrl-C is a key, not a signal.
	process.stdin.setRawMode(true);
	// Registered before the wait below, so a signal in it restores the terminal too.
	const ui: {instance?: Instance} = {};
	restoreOnExit(() => {
		try {
			ui.instance?.unmount();
		} catch {
			// Already unmounted.
		}
	});

	const [firstPage] = await Promise.all([
		options.firstPage ? awaitFirstPage(options.firstPage, firstPageWaitMs) : undefined,
		learnTerminalWidths(options.display?.glyphs.ascii ?? false),
	]);
	const instance = render(
		<FullScreen
			serverUrl={options.serverUrl}
			apiUrl={options.apiUrl}
			userId={userId}
			name={options.name}
			defaultName={options.rememberedName ?? loginName(options.lang)}
			lang={options.lang}
			insecure={options.insecure}
			display={options.display}
			bell={options.bell}
			notify={options.notify}
			outboxFile={() => outboxPath(file, options.serverUrl, userId)}
			readFile={() => readPositionPath(options.serverUrl, userId)}
			firstPage={firstPage}
			maxLength={options.maxLength}
			onName={(name) => {
				rememberName(file, name).catch(() => {
					// Not being able to remember the name is no reason to stop chatting.
				});
			}}
			onRedraw={() => {
				// Ink repaints everything on a resize (see patches/ink+6.8.0.patch).
				process.stdout.emit('resize');
			}}
		/>,
		{
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: true,
			// Ink draws at most this often. At its default (30) a key typed within 33 ms of the
			// last frame waited for the next one; a busy room is held to fewer frames anyway
			// (hooks/use-live-socket.ts), so keys can have them.
			maxFps: 120,
		},
	);
	ui.instance = instance;

	await instance.waitUntilExit();
	restoreTerminal();
}
