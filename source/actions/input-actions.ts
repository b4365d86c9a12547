import type {RefObject} from 'react';
import type {Chat} from '../hooks/use-chat.js';
import {complete, completionNames, type Completion} from '../state/completion.js';
import {recordLine, walkHistory, type InputHistory} from '../state/input-history.js';
import type {ScreenActionsOptions} from './screen-actions-options.js';
import {commandNames, parseLine, refusedTooLong, runSlashCommand} from './slash-commands.js';

export type InputContext = Pick<
	ScreenActionsOptions,
	'chat' | 'labels' | 'lang' | 'maxLength' | 'readScreen' | 'dispatchScreen' | 'editor' | 'roster'
> & {
	readonly history: RefObject<InputHistory>;
	readonly completion: RefObject<Completion | undefined>;
	/** Quit, or ask first while lines are unsent. */
	readonly quit: () => void;
	/** The log back at the newest messages. */
	readonly toBottom: () => void;
	/** Show the newest match of a search. */
	readonly search: (query: string) => void;
};

/** Newest first: who spoke lately, for name completion. */
const recentSenders = (chat: Chat) =>
	chat.state.messages
		.slice(-300)
		.map((message) => message.sender ?? '')
		.reverse();

/**
 * Enter: the line goes out as a message, or runs its slash command, or says what is wrong with
 * it; a line too long for the server stays in the input.
 */
function submitLine(context: InputContext) {
	const {chat, readScreen, dispatchScreen, editor, history, quit, toBottom} = context;
	const {value} = editor.read();
	const parsed = parseLine(value, context.lang);
	if (parsed.kind === 'empty') {
		return;
	}

	if (refusedTooLong(parsed, context)) {
		toBottom();
		return;
	}

	history.current = recordLine(history.current, value);
	editor.apply({type: 'clear'});
	if (parsed.kind === 'command') {
		const {bell} = readScreen();
		const {labels, search} = context;
		runSlashCommand(parsed.name, parsed.argument, {
			chat,
			labels,
			dispatchScreen,
			bell,
			quit,
			search,
			toBottom,
		});
		return;
	}

	if (parsed.kind === 'message') {
		chat.send(parsed.text);
	} else {
		chat.notice('error', parsed.text);
	}

	toBottom();
}

/**
 * The input line's keys: Enter sends the line or runs its slash command, Tab completes a name or
 * a command, ↑/↓ walk the lines sent, and the keys that act only on an empty line or at its end.
 */
export function inputActions(context: InputContext) {
	const {chat, readScreen, dispatchScreen, editor, history, completion, quit, toBottom} = context;

	const walk = (direction: 'previous' | 'next') => {
		const result = walkHistory(history.current, direction, editor.read().value);
		if (result) {
			history.current = result.history;
			editor.apply({type: 'set', value: result.line});
		}
	};

	const handlers = {
		'input.submit'() {
			submitLine(context);
		},
		'input.complete'() {
			const names = completionNames(
				context.roster.users.map((user) => user.username),
				recentSenders(chat),
				chat.state.me.username,
			);
			const result = complete(editor.read(), names, commandNames, completion.current);
			if (!result) {
				return false;
			}

			completion.current = result.completion;
			editor.apply({type: 'set', value: result.line.value, cursor: result.line.cursor});
			return true;
		},
		'history.previous'() {
			walk('previous');
		},
		'history.next'() {
			walk('next');
		},
		'input.helpIfEmpty'() {
			if (editor.read().value.length > 0) {
				return false;
			}

			dispatchScreen({type: 'help-opened'});
			return true;
		},
		'input.bottomAtEnd'() {
			const line = editor.read();
			if (line.cursor < line.value.length || readScreen().view.kind === 'bottom') {
				return false;
			}

			toBottom();
			return true;
		},
		'app.quitIfEmpty'() {
			if (editor.read().value.length === 0) {
				quit();
			} else {
				editor.apply({type: 'delete'});
			}
		},
	};

	return {handlers};
}
