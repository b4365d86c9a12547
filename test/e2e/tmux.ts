// The layout and the cursor in a real tmux, which measures emoji as terminals do (tmux 3.3a draws
// 👍🏽 four cells wide, ❤️ one; string-width and @xterm/headless say otherwise): after emoji-heavy
// messages and names, the help opened and closed, a new message and a resize, every row is where
// it belongs and the terminal's cursor sits in the input line. Once with the widths chat-tui asks
// tmux for at start-up, once without asking (CHAT_TUI_PROBE=0), where rows with such clusters are
// drawn the safe way.
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {cliPath} from '../helpers/terminal.js';
import {connectClient, requestJson, startTestServer} from '../helpers/server-harness.js';
import {tempConfigHome} from '../helpers/chat-terminal.js';
import {startTmux, tmuxAvailable, tmuxWidth, type Tmux} from '../helpers/tmux.js';
import stringWidth, {graphemes} from '../../source/text/width.js';

const thumbs = '👍🏽';
const clusters = [thumbs, '❤️', '🇫🇷', '👩‍💻'];
const emojiName = thumbs.repeat(9);
const panelWidth = 22;

const hasTmux = await tmuxAvailable();
const serial = hasTmux ? test.serial : test.serial.skip;

/** The cells of a row as tmux lays it out, by the widths tmux itself gave each cluster. */
function rowCells(row: string, widths: ReadonlyMap<string, number>): string[] {
	const cells: string[] = [];
	for (const grapheme of graphemes(row)) {
		cells.push(
			grapheme,
			...Array.from({length: (widths.get(grapheme) ?? stringWidth(grapheme)) - 1}, () => ''),
		);
	}

	return cells;
}

type Check = {cols: number; rows: number; widths: ReadonlyMap<string, number>};

/** Every row where it belongs: log and panel side by side, the status bar, the input line last. */
function checkLayout(
	t: ExecutionContext,
	screen: string[],
	{cols, rows, widths}: Check,
	when: string,
) {
	t.is(screen.length, rows, `${when}: as many rows as the window`);
	for (const [y, row] of screen.entries()) {
		const cells = rowCells(row, widths);
		t.true(cells.length <= cols, `${when}: row ${y} is ${cells.length} cells wide: ${row}`);
		if (y < rows - 2) {
			t.is(
				cells.indexOf('│'),
				cols - panelWidth,
				`${when}: the panel's border on row ${y}: ${row}`,
			);
		}
	}

	t.regex(screen[rows - 2]!, /online/, `${when}: the status bar on the row before last`);
	t.true(screen[rows - 1]!.startsWith('> '), `${when}: the input line on the last row`);
	// A stray modifier is what a stale cell of a cluster looks like.
	const text = screen.join('\n');
	t.is(
		text.split('🏽').length,
		text.split(thumbs).length,
		`${when}: no modifier without its emoji`,
	);
}

async function expectCursor(
	t: ExecutionContext,
	tmux: Tmux,
	want: {x: number; y: number; shown: boolean},
	when: string,
) {
	// A hidden cursor's place does not matter: only whether it is hidden.
	const matches = (cursor: {x: number; y: number; shown: boolean}) =>
		want.shown ? cursor.x === want.x && cursor.y === want.y && cursor.shown : !cursor.shown;
	const deadline = Date.now() + 10_000;
	let cursor = await tmux.cursor();
	while (Date.now() < deadline && !matches(cursor)) {
		await new Promise((resolve) => {
			setTimeout(resolve, 100);
		});
		cursor = await tmux.cursor();
	}

	if (want.shown) {
		t.deepEqual(cursor, want, `${when}: the terminal's cursor`);
	} else {
		t.false(cursor.shown, `${when}: the terminal's cursor is hidden`);
	}
}

/** tmux's own widths of the clusters, and a server with four emoji-heavy messages from an emoji name. */
async function emojiRoom(t: ExecutionContext) {
	const widths = new Map<string, number>();
	for (const cluster of clusters) {
		widths.set(cluster, await tmuxWidth(t, cluster));
	}

	t.log(`tmux widths: ${JSON.stringify(Object.fromEntries(widths))}`);
	const server = await startTestServer(t);
	const line = `${thumbs.repeat(40)} ❤️ 🇫🇷 👩‍💻 end`;
	for (let index = 1; index <= 4; index++) {
		await requestJson(`${server.url}/api/messages`, {
			method: 'POST',
			body: {userId: 'u-thumbs', username: emojiName, content: `${line} ${index}`, type: 'text'},
		});
	}

	return {widths, server};
}

/** F1 covers the whole log (nothing shows through) and hides the cursor; Esc gives back `screen`. */
async function helpOpenedAndClosed(t: ExecutionContext, tmux: Tmux, screen: string[]) {
	const rows = screen.length;
	await tmux.keys('F1');
	const help = await tmux.waitFor(
		(current) => current.join('\n').includes('Keys and commands'),
		'the help',
	);
	for (const [y, row] of help.slice(0, rows - 2).entries()) {
		t.false(
			/\p{Extended_Pictographic}|🏽/u.test(row),
			`nothing of the log shows through the help, row ${y}: ${row}`,
		);
	}

	await expectCursor(t, tmux, {x: 2, y: rows - 1, shown: false}, 'with the help open');
	await tmux.keys('Escape');
	const back = await tmux.waitFor(
		(current) => !current.join('\n').includes('Keys and commands'),
		'the help closed',
	);
	t.deepEqual(back, screen, 'closing the help gives back the same screen');
	await expectCursor(t, tmux, {x: 2, y: rows - 1, shown: true}, 'with the help closed');
}

for (const probe of [true, false]) {
	serial(
		`tmux: emoji keep to their panes, the help gives back the same screen, the cursor sits in the input (${probe ? 'widths asked' : 'not asked'})`,
		async (t) => {
			const {widths, server} = await emojiRoom(t);
			const peer = await connectClient(t, server.url, {
				user: {userId: 'u-thumbs', username: emojiName},
			});
			const home = await tempConfigHome(t);
			let cols = 80;
			let rows = 24;
			const tmux = await startTmux(t, {
				cols,
				rows,
				command: [
					process.execPath,
					cliPath,
					'--server',
					server.url,
					'--name',
					'kay',
					'--user-id',
					'u-kay',
				],
				env: {XDG_CONFIG_HOME: home, ...(probe ? {} : {CHAT_TUI_PROBE: '0'})},
			});
			let screen = await tmux.waitFor(
				(current) =>
					current.some((row) => row.includes('kay joined')) &&
					current.some((row) => row.includes('Online (2)')),
				'the chat with its history and both users',
			);
			checkLayout(t, screen, {cols, rows, widths}, 'at start');
			await expectCursor(t, tmux, {x: 2, y: rows - 1, shown: true}, 'at start');
			await helpOpenedAndClosed(t, tmux, screen);

			await tmux.type('héllo 中');
			await tmux.waitFor((current) => current.at(-1) === '> héllo 中', 'the typed text');
			await expectCursor(t, tmux, {x: 10, y: rows - 1, shown: true}, 'after typing');

			peer.send(`${thumbs.repeat(12)} new ❤️`);
			screen = await tmux.waitFor(
				(current) => current.some((row) => row.includes('new ❤️')),
				'the new message',
			);
			checkLayout(t, screen, {cols, rows, widths}, 'after a new message');
			await expectCursor(t, tmux, {x: 10, y: rows - 1, shown: true}, 'after a new message');

			cols = 100;
			rows = 30;
			await tmux.resize(cols, rows);
			screen = await tmux.waitFor(
				(current) =>
					current.length === rows &&
					current.at(-1) === '> héllo 中' &&
					current.some((row) => row.includes('new ❤️')),
				'the chat at 100x30',
			);
			checkLayout(t, screen, {cols, rows, widths}, 'after a resize');
			await expectCursor(t, tmux, {x: 10, y: rows - 1, shown: true}, 'after a resize');
		},
	);
}
