// The bytes of an appended message beside the user panel, as the benchmark's chat at 120×40 shows
// it: a scroll of the log, the panel's rows the scroll moved written again, and the new line; the
// runs in the cheapest order. Bytes are deterministic: the frames are rendered here, not timed.
import test from 'ava';
import logUpdate from '../../source/render/log-update.js';
import {emulator} from '../helpers/emulator.js';

const cols = 120;
const rows = 40;
const logWidth = cols - 22;

/** What chat-tui's frame holds: a log line, then the panel's border and one of its rows. */
function row(log: string, logCells: number, panel: string): string {
	return `${log}${' '.repeat(logWidth - logCells)}\u001B[2m│\u001B[m ${panel}`.trimEnd();
}

function line(number: number): [string, number] {
	const text = `append number ${number} of the benchmark`;
	return [`\u001B[2m16:48 \u001B[0;96mwriter\u001B[m  ${text}`, 14 + text.length];
}

const panel = [
	'\u001B[1mOnline (2)\u001B[m',
	'\u001B[1;96mreader\u001B[0;2m (me)\u001B[m',
	'\u001B[96mwriter\u001B[m',
];

/** The frame once `newest` is the newest message: 38 log rows, the status bar, the input line. */
function frame(newest: number): string[] {
	const log = Array.from({length: rows - 2}, (_, index) => {
		const [text, cells] = line(newest - (rows - 3) + index);
		return row(text, cells, panel[index] ?? '');
	});
	return [
		...log,
		`\u001B[7m 127.0.0.1:4000 │ \u001B[32m● online 3 ms\u001B[39m │ reader${' '.repeat(80)}\u001B[m`,
		'\u001B[1;36m> \u001B[0;2mType a message; /help for commands\u001B[m',
	];
}

/** Our log-update writing into an array, the cursor in the input line, as the chat draws. */
function start() {
	const writes: string[] = [];
	const stream = {
		columns: cols,
		write(data: string) {
			writes.push(data);
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	const log = logUpdate.create(stream);
	log.setCursorPosition({x: 2, y: rows - 1});
	return {log, writes};
}

test('an appended message beside the user panel writes at most 150 bytes', async (t) => {
	const {log, writes} = start();
	const terminal = emulator(cols, rows);
	for (let newest = 100; newest <= 103; newest++) {
		writes.length = 0;
		log(frame(newest).join('\n'));
		await terminal.write(writes.join(''));
	}

	const bytes = Buffer.byteLength(writes.join(''));
	t.log(`one message: ${bytes} bytes: ${JSON.stringify(writes.join(''))}`);
	t.true(writes.join('').startsWith('\u001B7\u001B[S'), 'the log moved by a scroll (SU)');
	t.true(bytes <= 150, `one message wrote ${bytes} bytes`);

	// The screen is the one a full repaint of the last frame leaves.
	const whole = emulator(cols, rows);
	await whole.write(frame(103).join('\r\n'));
	t.deepEqual(terminal.cells(), whole.cells());
});
