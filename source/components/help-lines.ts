import {asciiText} from '../look/glyphs.js';
import {bindingHelpZh, scopeNotesZh, scopeTitlesZh, slashSlashHelp} from '../look/help-zh.js';
import {
	bindings,
	commandsIn,
	describeKeys,
	scopeNotes,
	scopeTitles,
	scopes,
} from '../keys/keymap.js';
import type {Lang} from '../look/i18n.js';
import {commandNames, slashCommands} from '../actions/slash-commands.js';

/*
The help overlay's text, read from the one binding table and the slash commands' table, so it can never
disagree with what the keys do.
*/

export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly keys: string; readonly text: string}
	| {readonly kind: 'blank'};

/** The help in a language, in ASCII (keys named in words, no arrows) when the terminal needs it. */
export function helpLines(
	commandsTitle = 'Commands',
	ascii = false,
	lang: Lang = 'en',
): HelpLine[] {
	const text = ascii ? asciiText : (line: string) => line;
	const zh = lang === 'zh';
	const lines: HelpLine[] = [];
	for (const scope of scopes) {
		lines.push({kind: 'title', text: zh ? scopeTitlesZh[scope] : scopeTitles[scope]});
		for (const command of commandsIn(scope)) {
			lines.push({
				kind: 'entry',
				keys: describeKeys(command, ascii),
				text: text(zh ? bindingHelpZh[command] : bindings[command].help),
			});
		}

		const note = scopeNotes[scope];
		if (note) {
			const help = zh ? (scopeNotesZh[scope] ?? note.help) : note.help;
			lines.push({kind: 'entry', keys: zh ? '字母' : note.keys, text: text(help)});
		}

		lines.push({kind: 'blank'});
	}

	lines.push({kind: 'title', text: commandsTitle});
	for (const name of commandNames) {
		const {usage, help} = slashCommands[name];
		lines.push({kind: 'entry', keys: usage[lang], text: help[lang]});
	}

	lines.push({kind: 'entry', keys: zh ? '//文字' : '//text', text: slashSlashHelp[lang]});
	return lines;
}

/** The width of the keys column: the longest keys, within bounds. */
export const keysColumn = (lines: readonly HelpLine[]) =>
	Math.min(
		24,
		Math.max(...lines.map((line) => (line.kind === 'entry' ? [...line.keys].length : 0))) + 2,
	);
