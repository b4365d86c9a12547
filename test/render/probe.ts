import test from 'ava';
import {
	complete,
	graphemeMode,
	parseReplies,
	probeSequence,
	widthsFrom,
} from '../../source/render/probe.js';
import {probes} from '../../source/text/cluster-widths.js';

test('the probes: the mode question, each probe at the top-left with a position request, a clear', (t) => {
	const sequence = probeSequence();
	t.true(sequence.startsWith(graphemeMode.ask));
	t.is(sequence.split('\u001B[6n').length - 1, 5);
	t.true(sequence.includes(`\u001B[H${probes.modifier}\u001B[6n`));
	t.true(sequence.endsWith('\u001B[H\u001B[2J'));
});

test('tmux 3.3a: no mode 2027, a skin tone four cells, VS16 one', (t) => {
	const replies = parseReplies('\u001B[1;5R\u001B[1;3R\u001B[1;3R\u001B[1;2R\u001B[1;3R');
	t.true(complete(replies));
	t.deepEqual(widthsFrom(replies), {modifier: 4, zwj: 2, flag: 2, vs16: 1});
});

test('a terminal with mode 2027 measures as Unicode says', (t) => {
	const replies = parseReplies(
		'\u001B[?2027;2$y\u001B[1;5R\u001B[1;3R\u001B[1;3R\u001B[1;2R\u001B[1;3R',
	);
	t.is(replies.mode, 2);
	t.deepEqual(widthsFrom(replies), {modifier: 2, zwj: 2, flag: 2, vs16: 2});
	t.deepEqual(widthsFrom(parseReplies('\u001B[?2027;0$y')), {}, 'not known: nothing learned yet');
});

test('keys typed meanwhile are kept, in order, and a reply cut short waits for the rest', (t) => {
	const replies = parseReplies('hi\u001B[1;5R\u001B[Athere\u001B[1;');
	t.deepEqual(replies.columns, [5]);
	t.is(replies.rest, 'hi\u001B[Athere');
	t.is(replies.partial, '\u001B[1;');
	t.false(complete(replies));
});

test('only the kinds answered are learned; a CJK check gone wrong teaches nothing', (t) => {
	t.deepEqual(widthsFrom(parseReplies('\u001B[1;5R\u001B[1;3R')), {modifier: 4, zwj: 2});
	t.deepEqual(
		widthsFrom(parseReplies('\u001B[1;5R\u001B[1;3R\u001B[1;3R\u001B[1;2R\u001B[1;2R')),
		{},
	);
});
