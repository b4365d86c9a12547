import packageJson from '../../package.json' with {type: 'json'};
import stringWidth from '../text/width.js';
import {commandSpecs, flagHelp, type CommandName, type CommandText} from './flags.js';
import {commandTextZh, flagHelpZh, headingsZh, helpTextZh} from './help-zh.js';
import type {Lang} from './options.js';

/*
The help pages, in meow's layout: the description (or a command's summary), then Usage, Options
and Examples, indented by two spaces. English here and in flags.ts; Chinese in help-zh.ts.
*/

/** `chat-tui --help`: every command, flag, setting and environment variable. */
export const helpText = `
	Usage
	  $ chat-tui [options]              open the full-screen chat
	  $ chat-tui --demo                 try it: a local server, some history, a bot, the chat
	  $ chat-tui --plain [options]      line mode (also whenever stdin or stdout is not a terminal)
	  $ chat-tui send <text>            send a message (REST) and exit
	  $ chat-tui broadcast <text>       send a system notice to everyone and exit
	  $ chat-tui history [--limit N] [--offset N] [--json]
	  $ chat-tui users [--json]         who is online
	  $ chat-tui bot [--name NAME] [--rules FILE]
	  $ chat-tui serve [options]        run the reference chat server
	  $ chat-tui config [--json]        the config file and every setting in effect, and why

	Chat options
	  --server URL     chat server (default http://localhost:3000, https:// for TLS)
	  --api URL        REST base (default <server>/api)
	  --name NAME      your name (asked for when missing)
	  --user-id ID     your user id (default: kept in the config file)
	  --lang en|zh     language of the labels (default from LANG)
	  --theme NAME     dark (default), light (for a light background), or auto (from COLORFGBG)
	  --ascii          draw borders and marks in ASCII (default when the locale is not UTF-8;
	                   --no-ascii for Unicode anyway)
	  --insecure       accept any TLS certificate (shown as a warning)
	  --max-length N   the longest line sent, in characters (default 2000, the reference
	                   server's limit); longer lines are refused, never sent
	  --no-links       print web links as plain text, not as terminal hyperlinks (they are off
	                   by default when TERM is dumb or linux; --links for them anyway)
	  --demo           run the demo (--name, --lang, --theme and --ascii apply)

	Settings
	  Flags win over the environment, which wins over the config file
	  ($XDG_CONFIG_HOME/chat-tui/config.json, else ~/.config/chat-tui/config.json):
	  {"server": URL, "name": NAME, "theme": "dark|light|auto", "bell": true|false,
	   "timeFormat": "HH:MM|HH:MM:SS", "ascii": true|false, "maxLength": 2000,
	   "links": true|false, "notify": true|false, "keys": {"panel.toggle": "ctrl+u"}}
	  CHAT_TUI_SERVER  the server when --server is not given
	  CHAT_TUI_NAME    your name when --name is not given
	  NO_COLOR         no colour (bold, underline and inverse still mark things)
	  FORCE_COLOR      0: no styling at all; 1-3: colour even when not a terminal

	Line mode (--plain)
	  Prints the last 50 messages and then live ones as "[HH:MM:SS] name: text" lines, sends each
	  line read from stdin, and exits at EOF or "/quit" once the server has echoed every line
	  (exit 1 if some were not confirmed). Connection news goes to stderr.
	  --json           print each message as a line of JSON
	  --listen         do not read stdin; print messages until interrupted (for logging)

	Commands send, broadcast, history, users
	  Exit 0 on success, 1 on a server or network error, 2 on a usage error.
	  send uses --name, else the name the chat remembered; --user-id, else the remembered id.
	  --limit N        history: how many messages (default 50)
	  --offset N       history: how many of the newest to skip (default 0)
	  --json           JSON, one value a line (history: one message a line)

	Bot (chat-tui bot)
	  Greets on join, answers messages that mention its name, says goodbye on Ctrl-C.
	  --name NAME      its name (default chatbot, or 聊天机器人 with --lang zh)
	  --rules FILE     replies: one "keyword => reply" a line, "*" for any; # comments

	Server options (chat-tui serve)
	  --host HOST      address to bind (default 127.0.0.1)
	  --port PORT      port (default 3000, 0 for any free port)
	  --data FILE      keep messages in a JSON-lines file across restarts
	  --redis URL      share history and presence with every serve on this Redis
	                   (redis://host:6379; default $CHAT_TUI_REDIS)
	  --cert FILE      TLS certificate (PEM); with --key, serve HTTPS and WSS
	  --key FILE       TLS private key (PEM)
	  --rate-limit N/S at most N messages in S seconds per connection (default 20/5)
	  --lang en|zh     language of the join, leave and rename notices (default en)

	Other
	  -h, --help       show this help; chat-tui <command> --help shows a command's own
	  -v, --version    show the version

	Keys in the chat: Enter sends, PgUp/PgDn scroll, Ctrl-T shows or hides the user list,
	Ctrl-L redraws, Ctrl-C or /quit quits. /help lists every command and key.

	Examples
	  $ chat-tui --demo
	  $ chat-tui serve --port 3000 --data chat.jsonl
	  $ chat-tui --server http://localhost:3000 --name alice
	  $ chat-tui --plain --name logger --listen > chat.log
	  $ chat-tui history --limit 10 --json | jq -r '"\\(.sender // "-!-"): \\(.content)"'
`;

const headingsEn = {
	usage: 'Usage',
	options: 'Options',
	examples: 'Examples',
	help: 'show this help',
	version: 'show the version',
	description: packageJson.description,
} as const;

const texts = {
	en: {headings: headingsEn, page: helpText, flags: flagHelp, commands: commandSpecs},
	zh: {headings: headingsZh, page: helpTextZh, flags: flagHelpZh, commands: commandTextZh},
} satisfies Record<Lang, unknown>;

/** `chat-tui --help`: the description, then the page indented by two spaces. */
export function helpPage(lang: Lang): string {
	const {headings, page} = texts[lang];
	const body = page
		.replace(/^\n/, '')
		.trimEnd()
		.split('\n')
		.map((line) => line.replace(/^\t/, '  '))
		.join('\n');
	return `\n  ${headings.description}\n\n${body}\n\n`;
}

const column = 18;
/** One option: its name and value in a column (Chinese is two cells a character), then its help. */
function row(left: string, right: string): string {
	const gap = ' '.repeat(Math.max(1, column - stringWidth(left)));
	return `    ${left}${gap}${right}`.trimEnd();
}

/** `chat-tui COMMAND --help`: summary, usage, options, examples. */
export function commandHelp(command: Exclude<CommandName, 'chat'>, lang: Lang): string {
	const {headings, flags, commands} = texts[lang];
	const text: CommandText = commands[command];
	return [
		'',
		`  ${text.summary}`,
		'',
		`  ${headings.usage}`,
		...text.usage.map((line) => `    $ ${line}`),
		'',
		`  ${headings.options}`,
		...commandSpecs[command].flags.map((flag) =>
			row(flags[flag][0], text.meaning?.[flag] ?? flags[flag][1]),
		),
		row('-h, --help', headings.help),
		row('-v, --version', headings.version),
		'',
		`  ${headings.examples}`,
		...text.examples.map((line) => `    $ ${line}`),
		'',
		'',
	].join('\n');
}
