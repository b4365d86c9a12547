import {fill, tooLongText, type Labels} from '../look/i18n.js';
import type {Lang} from '../cli/options.js';
import {overLimit} from '../protocol/content-limit.js';
import {onlineCount} from '../state/chat-state.js';
import {meLine, outgoingText, type CommandName, type ParsedInput} from '../state/commands.js';
import type {ScreenAction} from '../state/screen-state.js';
import type {Chat} from '../hooks/use-chat.js';

export type SlashContext = {
	readonly chat: Chat;
	readonly labels: Labels;
	readonly dispatchScreen: (action: ScreenAction) => void;
	readonly bell: boolean;
	readonly quit: () => void;
	readonly search: (query: string) => void;
	readonly toBottom: () => void;
};

/**
 * A line that would send more than `maxLength` characters is refused before it goes out: a notice
 * says so with the counts, and the caller keeps the line in the input. True when refused.
 */
export function refusedTooLong(
	parsed: ParsedInput,
	{
		chat,
		labels,
		maxLength,
		lang,
	}: Pick<SlashContext, 'chat' | 'labels'> & {
		readonly maxLength: number;
		readonly lang: Lang;
	},
): boolean {
	const outgoing = outgoingText(parsed);
	const tooLong = outgoing === undefined ? undefined : overLimit(outgoing, maxLength);
	if (tooLong) {
		chat.notice('error', tooLongText(labels.tooLong, tooLong, lang));
	}

	return tooLong !== undefined;
}

/** Run a parsed slash command (see state/commands.ts). */
export function runSlashCommand(name: CommandName, argument: string, context: SlashContext): void {
	const {chat, labels, dispatchScreen} = context;
	switch (name) {
		case 'quit': {
			context.quit();
			break;
		}

		case 'help': {
			dispatchScreen({type: 'help-opened'});
			break;
		}

		case 'users': {
			const {state} = chat;
			const names = state.users.map((user) => user.username).join(', ');
			chat.notice('info', `${labels.online} (${onlineCount(state)}): ${names}`);
			context.toBottom();
			break;
		}

		case 'broadcast': {
			chat.broadcast(argument);
			break;
		}

		case 'clear': {
			dispatchScreen({type: 'cleared'});
			chat.clear();
			break;
		}

		case 'me': {
			chat.send(meLine(argument));
			context.toBottom();
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

		case 'stats': {
			const {state} = chat;
			const {rss, heapUsed} = process.memoryUsage();
			const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
			chat.notice(
				'info',
				fill(labels.stats, {
					live: state.liveCount,
					held: state.messages.length,
					rss: megabytes(rss),
					heap: megabytes(heapUsed),
				}),
			);
			context.toBottom();
			break;
		}

		case 'search': {
			context.search(argument);
			break;
		}

		case 'bell': {
			const choice = argument.toLowerCase();
			if (choice !== '' && choice !== 'on' && choice !== 'off') {
				chat.notice('error', fill(labels.bellUsage, {a: argument}));
				break;
			}

			const on = choice === '' ? !context.bell : choice === 'on';
			dispatchScreen({type: 'bell-set', on});
			chat.notice('info', on ? labels.bellOn : labels.bellOff);
			break;
		}
	}
}
