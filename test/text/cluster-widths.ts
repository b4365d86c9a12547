import test from 'ava';
import {
	clusterKind,
	isDisputed,
	learnWidths,
	probes,
	unicodeWidths,
} from '../../source/text/cluster-widths.js';
import stringWidth from '../../source/text/width.js';

// The widths are module state: each test sets what it needs, and these run one at a time.
test.afterEach.always(() => {
	learnWidths(unicodeWidths);
});

test('the kinds of clusters terminals disagree on', (t) => {
	t.is(clusterKind('👍🏽'), 'modifier');
	t.is(clusterKind('👩‍💻'), 'zwj');
	t.is(clusterKind('👨‍👩‍👧'), 'zwj');
	t.is(clusterKind('🇫🇷'), 'flag');
	t.is(clusterKind('❤️'), 'vs16');
	t.is(clusterKind('#️⃣'), 'other');
	t.is(clusterKind('e\u0301'), undefined, 'a letter with an accent: every terminal agrees');
	t.is(clusterKind('한'), undefined);
});

test.serial("until a terminal is asked, widths are Unicode's and nothing is disputed", (t) => {
	t.is(stringWidth('👍🏽'), 2);
	t.is(stringWidth('❤️'), 2);
	t.false(isDisputed('👍🏽'));
});

test.serial('as tmux 3.3a measures: a skin tone four cells, VS16 one, ZWJ and flags two', (t) => {
	learnWidths({modifier: 4, zwj: 2, flag: 2, vs16: 1});
	t.is(stringWidth('👍🏽'), 4);
	t.is(stringWidth('👍🏽👍🏽 ok'), 11);
	t.is(stringWidth('❤️'), 1);
	t.is(stringWidth('👍️'), 2, 'VS16 after an emoji that is wide anyway');
	t.is(stringWidth('🇫🇷'), 2);
	t.is(stringWidth('👩‍💻'), 2);
	t.is(stringWidth('张伟 👍'), 7, 'everything else as before');
	t.false(isDisputed('👍🏽'), 'learned, so not disputed');
	t.true(isDisputed('#️⃣'), 'a keycap has no probe');
});

test.serial(
	'by code point: each emoji of a ZWJ sequence two cells, the joiner too where counted',
	(t) => {
		learnWidths({modifier: 4, zwj: 4, flag: 4, vs16: 2});
		t.is(stringWidth('👩‍💻'), 4);
		t.is(stringWidth('👨‍👩‍👧'), 6);
		t.is(stringWidth('👩🏽‍💻'), 6, 'the modifier inside a sequence as well');
		t.is(stringWidth('🇫🇷'), 4);
		learnWidths({zwj: 5});
		t.is(stringWidth('👩‍💻'), 5);
	},
);

test.serial('nothing learned: the widest rule, and every such cluster disputed', (t) => {
	learnWidths({});
	t.is(stringWidth('👍🏽'), 4);
	t.is(stringWidth('🇫🇷'), 4);
	t.is(stringWidth('❤️'), 2);
	t.is(stringWidth('👩‍💻'), 5);
	t.true(isDisputed('👍🏽'));
	t.true(isDisputed('❤️'));
	t.false(isDisputed('e\u0301'));
});

test('there is a probe for every kind, and a CJK check', (t) => {
	t.deepEqual(Object.keys(probes).sort(), ['cjk', 'flag', 'modifier', 'vs16', 'zwj']);
	for (const [kind, probe] of Object.entries(probes)) {
		t.is<string | undefined, string | undefined>(
			kind === 'cjk' ? undefined : clusterKind(probe),
			kind === 'cjk' ? undefined : kind,
		);
	}
});
