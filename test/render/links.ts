import test, {type ExecutionContext} from 'ava';
import {lineCells} from '../../source/render/cells.js';
import {screenOf} from '../../source/render/frame-diff.js';
import {frameBytes} from '../../source/render/log-update.js';
import {sgrTransition, splitLink} from '../../source/render/sgr.js';
import {emulator} from '../helpers/emulator.js';

/*
A link (OSC 8, made by chat-tui from a message's URL) is an attribute of the cells it covers,
carried through the cell diff like a colour: the bytes written for any change leave the same
screen, links included, as painting the new frame whole.
*/

const open = (id: string, uri: string) => `\u001B]8;id=${id};${uri}\u001B\\`;
const close = '\u001B]8;;\u001B\\';
const linked = (id: string, uri: string, text: string) => `${open(id, uri)}${text}${close}`;

test('OSC 8 is read as an attribute of the cells between open and close, not as text', (t) => {
	const row = lineCells(`a ${linked('ct1', 'https://x.io/', '\u001B[4mlink\u001B[24m')} b`);
	t.is(row.chars.join(''), 'a link b');
	t.false(row.opaque);
	t.deepEqual(splitLink(row.styles[2]!), ['4', 'id=ct1;https://x.io/']);
	t.deepEqual(splitLink(row.styles[0]!), ['', '']);
	t.deepEqual(splitLink(row.styles[7]!), ['', '']);
	// Also when ended by BEL.
	const bel = lineCells('\u001B]8;id=ct2;https://y.io/\u0007y\u001B]8;;\u0007');
	t.deepEqual(splitLink(bel.styles[0]!), ['', 'id=ct2;https://y.io/']);
});

test('the pen opens, changes and closes links as it moves between cells', (t) => {
	const link = '4\u0000id=ct1;https://x.io/';
	t.is(sgrTransition('', link), `\u001B[4m${open('ct1', 'https://x.io/')}`);
	t.is(sgrTransition(link, ''), `\u001B[m${close}`);
	t.is(sgrTransition(link, '4\u0000id=ct2;https://y.io/'), open('ct2', 'https://y.io/'));
	t.is(
		sgrTransition(link, '1;4\u0000id=ct1;https://x.io/'),
		'\u001B[1m',
		'bold added, the link kept',
	);
});

async function check(t: ExecutionContext, before: string[], after: string[]): Promise<string> {
	const width = 30;
	const previous = screenOf(before, width);
	const next = screenOf(after, width);
	const bytes = frameBytes(previous, next, true);
	const diffed = emulator(width, 4);
	await diffed.write(frameBytes(screenOf([], width), previous, true) + bytes);
	const whole = emulator(width, 4);
	await whole.write(frameBytes(screenOf([], width), next, true));
	t.deepEqual(diffed.cells(), whole.cells());
	return bytes;
}

test('a link that appears, moves or changes its URI is drawn as painting it whole would', async (t) => {
	const plain = ['see https://x.io/ now', 'second row'];
	const withLink = [`see ${linked('ct1', 'https://x.io/', 'https://x.io/')} now`, 'second row'];
	const bytes = await check(t, plain, withLink);
	t.true(bytes.includes(open('ct1', 'https://x.io/')), 'the same text, now a link: repainted');
	await check(t, withLink, plain);
	await check(t, withLink, [`see ${linked('ct9', 'https://z.io/', 'https://x.io/')} now`, '']);
	await check(t, withLink, ['', ...withLink]);
});

test('a link over two rows: each row carries the same id and URI', async (t) => {
	const rows = [
		`go ${linked('ct7', 'https://x.io/long/path', 'https://x.io/lo')}`,
		`   ${linked('ct7', 'https://x.io/long/path', 'ng/path')} ok`,
	];
	const terminal = emulator(30, 3);
	await terminal.write(frameBytes(screenOf([], 30), screenOf(rows, 30), true));
	const cells = terminal.cells();
	const linkOf = (row: number, column: number) => cells[row]![column]!.split('|').at(-1);
	t.is(linkOf(0, 3), 'ct7;https://x.io/long/path');
	t.is(linkOf(1, 3), 'ct7;https://x.io/long/path');
	t.is(linkOf(0, 2), '');
	t.is(linkOf(1, 11), '', 'closed after it');
});
