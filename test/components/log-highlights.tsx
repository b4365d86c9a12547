import test from 'ava';
import {render} from 'ink-testing-library';
import {defaultDisplay} from '../../source/look/display.js';
import {MessageLog} from '../../source/components/message-log.js';
import {useLogWindow} from '../../source/hooks/use-log-window.js';
import {labelsFor} from '../../source/look/i18n.js';
import {buildLogItems, type FormatContext} from '../../source/state/log-lines.js';
import {bottomView} from '../../source/state/log-window.js';
import {addLive, emptyTimeline} from '../../source/client/timeline.js';
import {findMatches} from '../../source/state/search.js';
import {forceColor} from '../helpers/force-color.js';
import {message} from '../helpers/messages.js';

// Colours on for this file (its own process): highlights show as escape sequences.
forceColor();
const context: FormatContext = {
	userId: 'u-me',
	username: 'alice',
	labels: labelsFor('en'),
	showTime: false,
	...defaultDisplay,
};
const yellowBackground = '\u001B[43m';
const cyanBackground = '\u001B[46m';
const brightGreenBackground = '\u001B[102m';
/**
 * The text that `background` colours in `frame`: after an SGR sequence with its code among others
 * (Ink writes one sequence per attribute, our Output one per change).
 */
const painted = (frame: string, background: string) => {
	const code = background.slice(2, -1);
	return [
		...frame.matchAll(
			new RegExp(
				String.raw`\u001B\[(?:\d+;)*${code}(?:;\d+)*m(?:\u001B\[[\d;]*m)*([^\u001B]+)`,
				'g',
			),
		),
	].map((match) => match[1]);
};

const items = buildLogItems(
	addLive(emptyTimeline, [
		message({content: 'hello @alice and ALICE', at: 1, sender: 'bob', senderId: 'u-bob'}),
		message({content: 'malice is not a mention', at: 2, sender: 'bob', senderId: 'u-bob'}),
		message({content: 'alice here, talking', at: 3, sender: 'alice', senderId: 'u-me'}),
		message({content: 'the cat sat on the cat', at: 4, sender: 'bob', senderId: 'u-bob'}),
		message({content: 'a cat again', at: 5, sender: 'bob', senderId: 'u-bob'}),
	]).timeline.messages,
	[],
	[],
);

function Log({query, current}: {readonly query?: string; readonly current?: string}) {
	const matches = new Set(query ? findMatches(items, query) : []);
	const {lines} = useLogWindow({
		items,
		width: 50,
		height: 6,
		context,
		lang: 'en',
		view: bottomView,
		endIsLive: true,
		search: query ? {query, matches, current} : undefined,
	});
	return <MessageLog lines={lines} width={50} height={6} />;
}

test("mentions of the user in others' messages are highlighted; own and partial ones are not", (t) => {
	const {lastFrame, unmount} = render(<Log />);
	t.deepEqual(painted(lastFrame()!, yellowBackground), ['@alice', 'ALICE']);
	unmount();
});

test('search matches are highlighted, the current one differently', (t) => {
	const keys = findMatches(items, 'cat');
	const {lastFrame, unmount} = render(<Log query="CAT" current={keys.at(-1)} />);
	const frame = lastFrame()!;
	t.deepEqual(painted(frame, cyanBackground), ['cat', 'cat']);
	t.deepEqual(painted(frame, brightGreenBackground), ['cat']);
	unmount();
});
