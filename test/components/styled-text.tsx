// The log as one text (components/styled-text.ts): each line styled as Ink's own <Text> would style
// it, at every colour level, so that the frame is the same as with a <Text> per segment.
import test from 'ava';
import chalk from 'chalk';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {styledText} from '../../source/components/styled-text.js';
import type {DisplayLine} from '../../source/state/log-lines.js';
import type {Style} from '../../source/look/theme.js';

const styles: Array<Style | undefined> = [
	undefined,
	{},
	{color: 'cyan'},
	{color: 'greenBright', bold: true},
	{color: '#ff8800', backgroundColor: '#001122'},
	{color: 'ansi256(208)', backgroundColor: 'ansi256(17)', italic: true},
	{color: 'rgb(10, 200, 30)', backgroundColor: 'rgb(1,2,3)', underline: true},
	{backgroundColor: 'yellow', inverse: true},
	{dimColor: true, color: 'red', bold: true, italic: true, underline: true, inverse: true},
	{color: 'not-a-colour'},
];

/** A new line each time: a line's styled text is kept, and the colour level changes here. */
const newLine = (): DisplayLine => ({
	key: 'm1#0',
	segments: styles.map((style, index) => ({text: `s${index} 你好 `, style})),
});

/** The line the way Ink styles it: a <Text> per segment. */
function InkLine({line}: {readonly line: DisplayLine}) {
	return (
		<Text>
			{line.segments.map((segment, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...segment.style}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

for (const level of [0, 1, 2, 3] as const) {
	test(`a line is styled as Ink's own <Text> styles it, at colour level ${level}`, (t) => {
		const before = chalk.level;
		chalk.level = level;
		t.teardown(() => {
			chalk.level = before;
		});
		const line = newLine();
		const ink = render(<InkLine line={line} />);
		const ours = render(<Text>{styledText(line)}</Text>);
		t.teardown(() => {
			ink.unmount();
			ours.unmount();
		});
		if (level > 0) {
			t.true(ours.lastFrame()!.includes('\u001B['), 'styled at all');
		}

		t.is(ours.lastFrame(), ink.lastFrame());
	});
}

test('segments without a style stay plain, whatever the colour level', (t) => {
	const before = chalk.level;
	chalk.level = 3;
	t.teardown(() => {
		chalk.level = before;
	});
	const line: DisplayLine = {key: 'm2#0', segments: [{text: 'plain '}, {text: 'too', style: {}}]};
	t.is(styledText(line), 'plain too');
});
