import test from 'ava';
import {asciiText, localeIsUtf8} from '../../source/look/glyphs.js';
import {labelsFor} from '../../source/look/i18n.js';
import {helpLines} from '../../source/components/help-lines.js';
import {
	type darkTheme,
	lightTheme,
	monoTheme,
	themeFor,
	themeFromColorFgBg,
} from '../../source/look/theme.js';

test('the locale is UTF-8 as the C library decides: LC_ALL, then LC_CTYPE, then LANG', (t) => {
	t.true(localeIsUtf8({LANG: 'en_US.UTF-8'}));
	t.true(localeIsUtf8({LANG: 'C.utf8'}));
	t.true(localeIsUtf8({LANG: 'de_DE.utf8@euro'}));
	// eslint-disable-next-line unicorn/text-encoding-identifier-case
	t.true(localeIsUtf8({LC_CTYPE: 'UTF-8'}), 'macOS sets a bare UTF-8');
	t.false(localeIsUtf8({}), 'nothing set is the C locale');
	t.false(localeIsUtf8({LANG: 'C'}));
	t.false(localeIsUtf8({LANG: 'POSIX'}));
	t.false(localeIsUtf8({LANG: 'en_US.ISO-8859-1'}));
	t.false(localeIsUtf8({LANG: 'en_US.UTF-8', LC_CTYPE: 'C'}), 'LC_CTYPE before LANG');
	t.true(localeIsUtf8({LANG: 'C', LC_ALL: 'en_US.UTF-8', LC_CTYPE: 'C'}), 'LC_ALL first');
	t.true(localeIsUtf8({LANG: 'en_US.UTF-8', LC_ALL: ''}), 'empty counts as unset');
});

test('ASCII labels and help have no character outside ASCII', (t) => {
	const labels = labelsFor('en', true);
	for (const [name, label] of Object.entries(labels)) {
		t.regex(label, /^[\u0020-\u007E]*$/, `${name}`);
	}

	for (const line of helpLines('Commands', true)) {
		const text =
			line.kind === 'blank' ? '' : `${line.kind === 'entry' ? line.keys : ''}${line.text}`;
		t.regex(text, /^[\u0020-\u007E]*$/, `${text}`);
	}

	t.is(asciiText('● online │ 3 new ↓ (End) …'), '* online | 3 new v (End) ...');
	t.is(
		labelsFor('en', true).helpTitle,
		'Keys and commands - Up/Down PgUp/PgDn scroll - Esc closes',
	);
	t.is(labelsFor('en').helpTitle, 'Keys and commands · ↑/↓ PgUp/PgDn scroll · Esc closes');
});

const colorKeys = ['color', 'backgroundColor'] as const;
const styles = (theme: typeof darkTheme) =>
	Object.entries(theme).flatMap(([name, value]) =>
		typeof value === 'function'
			? [
					[name, value('bob', false)],
					[`${name} own`, value('bob', true)],
				]
			: typeof value === 'object'
				? [[name, value]]
				: [],
	) as Array<[string, Record<string, unknown>]>;

test('the mono theme (NO_COLOR) has no colour, and tells apart by other means', (t) => {
	t.is(themeFor('light', false), monoTheme);
	t.is(themeFor('light', true), lightTheme);
	for (const [name, style] of styles(monoTheme)) {
		t.true(
			colorKeys.every((key) => style[key] === undefined),
			`${name}`,
		);
	}

	t.is(monoTheme.alertBorder, undefined);
	// What colour alone told apart before: each has a mark of its own.
	const marks = ['focused', 'mention', 'searchMatch', 'pending', 'selected'] as const;
	const seen = new Set(marks.map((name) => JSON.stringify(monoTheme[name])));
	t.is(seen.size, marks.length);
	t.notDeepEqual(monoTheme.searchCurrent, monoTheme.searchMatch);
	t.notDeepEqual(monoTheme.mention, {});
	t.not(JSON.stringify(monoTheme.name('me', true)), JSON.stringify(monoTheme.name('me', false)));
});

test('the light theme puts no yellow, white or bright colour on the background', (t) => {
	for (const [name, style] of styles(lightTheme)) {
		if (style.backgroundColor !== undefined || name.startsWith('status')) {
			continue; // On a colour of its own, or inverted in the status bar.
		}

		const color = typeof style.color === 'string' ? style.color : '';
		t.notRegex(color, /yellow|white|bright|gray|grey/i, `${name}: ${color}`);
	}

	for (const name of ['ann', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi']) {
		t.notRegex(String(lightTheme.name(name, false).color), /yellow|white|Bright/, `${name}`);
	}
});

test('COLORFGBG tells a light background from a dark one', (t) => {
	t.is(themeFromColorFgBg('0;15'), 'light');
	t.is(themeFromColorFgBg('0;7'), 'light');
	t.is(themeFromColorFgBg('15;0'), 'dark');
	t.is(themeFromColorFgBg('15;default;0'), 'dark');
	t.is(themeFromColorFgBg(undefined), undefined);
	t.is(themeFromColorFgBg('default;default'), undefined);
});
