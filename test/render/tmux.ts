// The renderer's bytes in a real tmux (Debian's package; `.ci/run` installs it): after a run of
// frames drawn as log-update draws them (relative moves, runs out of row order, a scroll region
// kept between frames), tmux shows, attributes included, what it shows after the last frame
// painted whole. @xterm/headless checks the same in frame-diff.ts; tmux is a second terminal.
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {promisify} from 'node:util';
import test, {type ExecutionContext} from 'ava';
import logUpdate from '../../source/render/log-update.js';
import {lineCells} from '../../source/render/cells.js';
import {tmuxAvailable} from '../helpers/tmux.js';
import {seededRandom} from '../helpers/random.js';

const run = promisify(execFile);
const hasTmux = await tmuxAvailable();
const serial = hasTmux ? test.serial : test.serial.skip;

/** The frames' bytes as log-update writes them, the cursor where `cursor` puts it each time. */
function drawn(
	frames: string[][],
	width: number,
	cursor: (index: number) => {x: number; y: number},
) {
	const writes: string[] = [];
	const stream = {columns: width, write: (data: string) => writes.push(data) > 0};
	const log = logUpdate.create(stream as unknown as NodeJS.WriteStream);
	for (const [index, lines] of frames.entries()) {
		log.setCursorPosition(cursor(index));
		log(lines.join('\n'));
	}

	return writes.join('');
}

/** What tmux shows, with attributes (`capture-pane -e`), once it has taken in all of `bytes`. */
async function shown(t: ExecutionContext, bytes: string, width: number, height: number) {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-tmux-'));
	const socket = `chat-tui-render-${process.pid}-${Math.random().toString(36).slice(2)}`;
	const tmux = async (...args: string[]) => {
		const {stdout} = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args]);
		return stdout;
	};

	t.teardown(async () => {
		await tmux('kill-server').catch(() => undefined);
		await rm(folder, {recursive: true, force: true});
	});
	const file = path.join(folder, 'bytes');
	// The pane's title changes after the last byte: tmux has taken in everything before it.
	await writeFile(file, `${bytes}\u001B]2;done\u001B\\`);
	await tmux(
		'new-session',
		'-d',
		'-x',
		String(width),
		'-y',
		String(height),
		'sh',
		'-c',
		`cat '${file}'; exec sleep 600`,
		';',
		'set',
		'-g',
		'status',
		'off',
	);
	const deadline = Date.now() + 20_000;
	for (;;) {
		const title = await tmux('display', '-p', '#{pane_title}');
		if (title.trim() === 'done') {
			break;
		}

		if (Date.now() > deadline) {
			throw new Error('tmux did not take in the bytes');
		}

		await delay(50);
	}

	// Row by row: each capture starts from the default attributes. Trailing default blanks are
	// left out (an erased cell and a written space look the same).
	const rows: string[] = [];
	for (let y = 0; y < height; y++) {
		const captured = await tmux('capture-pane', '-p', '-e', '-S', String(y), '-E', String(y));
		const {chars, styles} = lineCells(captured.replace(/\n$/, ''));
		let end = chars.length;
		while (end > 0 && chars[end - 1] === ' ' && styles[end - 1] === '') {
			end--;
		}

		rows.push(
			chars
				.slice(0, end)
				.map((char, x) => `${char}${styles[x]!}`)
				.join('|'),
		);
	}

	return rows;
}

const cells = (text: string, style: string) =>
	style === '' ? text : `\u001B[${style}m${text}\u001B[m`;

/** A chat-like frame: log rows beside a panel, then a status bar and an input line. */
function chatFrame(width: number, height: number, newest: number, panel: string[]): string[] {
	const words = ['hi', 'the build is green', '张伟说你好', 'ok', 'see the log…', 'lunch?'];
	const log = Array.from({length: height - 2}, (_, index) => {
		const number = newest - height + index;
		const text = `${words[Math.abs(number) % words.length]!} #${number}`;
		const used = 6 + 6 + text.length + (text.includes('张') ? 5 : 0);
		return `${cells('12:00 ', '2')}${cells(number % 3 ? 'alice ' : 'bob   ', '96')}${text}${' '.repeat(width - 22 - used)}${cells('│', '2')} ${panel[index] ?? ''}`;
	});
	return [...log, cells(` online · ${newest}`.padEnd(width), '7'), `> ${'x'.repeat(newest % 7)}`];
}

serial('messages beside a changing panel: tmux shows the frame a full repaint shows', async (t) => {
	const random = seededRandom(7);
	const [width, height] = [80, 16];
	const names = ['alice', 'bob', 'carol (me)', '张伟', 'dave'];
	const frames = Array.from({length: 40}, (_, index) => {
		const panel = [
			cells(`Online (${3 + (index % 3)})`, '1'),
			...names
				.slice(0, 2 + random.int(4))
				.map((name) => cells(name, random.pick(['96', '1;96', '']))),
		];
		return chatFrame(width, height, 100 + index + random.int(2), panel);
	});
	const bytes = drawn(frames, width, (index) => ({x: 2 + ((100 + index) % 7), y: height - 1}));
	t.true(bytes.includes('\u001B[S'), 'the log scrolled in a region');
	t.regex(bytes, /\u001B\[\d*[AB]/, 'rows reached by relative moves');
	const expected = await shown(t, frames.at(-1)!.join('\r\n'), width, height);
	t.deepEqual(await shown(t, bytes, width, height), expected);
});

serial(
	'random frames, the cursor anywhere: tmux shows the frame a full repaint shows',
	async (t) => {
		const random = seededRandom(11);
		const [width, height] = [60, 12];
		const names = ['alice', 'bob', 'carol (me)', '张伟', 'dave'];
		let newest = 50;
		const frames = Array.from({length: 80}, () => {
			newest += random.int(3);
			const panel = names
				.slice(0, random.int(6))
				.map((name) => cells(name, random.pick(['96', '1', '2', '7', ''])));
			const frame = chatFrame(width, height, newest, panel);
			const status = ` ${random.pick(['online', 'away', 'reconnecting…'])} · ${newest}`;
			frame[height - 2] = cells(status.padEnd(width - random.int(3)), random.pick(['7', '2', '']));
			frame[height - 1] = `> ${'ab 张'.repeat(random.int(6))}`;
			return frame;
		});
		const bytes = drawn(frames, width, () => ({x: random.int(width), y: random.int(height)}));
		t.regex(bytes, /\u001B\[\d*[AB]/, 'rows reached by relative moves');
		const expected = await shown(t, frames.at(-1)!.join('\r\n'), width, height);
		t.deepEqual(await shown(t, bytes, width, height), expected);
	},
);
