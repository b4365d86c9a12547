/**
 * Keys from the config: the new key runs the command, the old one no longer does, and the help,
 * the status bar's hint and the labels say the new key, all read from the one binding table.
 * (Its own file: the bindings are set once per process, as at the start of the chat.)
 */
import test from 'ava';
import {render} from 'ink-testing-library';
import {HelpOverlay} from '../../source/components/help-overlay.js';
import {checkConfig} from '../../source/config/values.js';
import {labelsFor} from '../../source/look/i18n.js';
import {describeKeys, setKeys} from '../../source/keys/keymap.js';
import {helpLines} from '../../source/components/help-lines.js';
import {frameLines} from '../helpers/frames.js';
import {keyCodes, startScreen} from '../helpers/screen-harness.js';

const {keys} = checkConfig({
	keys: {'panel.toggle': ['ctrl+y', 'F2'], 'input.clear': 'ctrl+x', 'help.close': ['esc', 'x']},
});
setKeys(keys!);

test('the help and the labels show the keys the config gave', (t) => {
	t.is(describeKeys('panel.toggle'), 'Ctrl-Y, F2');
	const entries = helpLines().flatMap((line) => (line.kind === 'entry' ? [line] : []));
	t.true(entries.some((line) => line.keys === 'Ctrl-Y, F2' && line.text.includes('user list')));
	t.true(entries.some((line) => line.keys === 'Ctrl-X' && line.text === 'clear the line'));
	t.is(labelsFor('en').panelHint, 'Ctrl-Y: users');
	t.is(labelsFor('zh').panelHint, 'Ctrl-Y: 用户');

	const {lastFrame, unmount} = render(
		<HelpOverlay width={80} height={22} scroll={0} labels={labelsFor('en')} />,
	);
	t.teardown(unmount);
	const lines = frameLines(lastFrame() ?? '');
	t.true(lines.some((line) => /Ctrl-Y, F2\s+show or hide the user list/.test(line)));
});

test('the new key runs the command and the old one is free', async (t) => {
	const screen = await startScreen(t, {columns: 100, rows: 20});
	// The user list comes after the join: wait for it, not for the first frame.
	await screen.waitForText('Online (1)');
	t.true(screen.frame().includes('Online (1)'));
	screen.type(keyCodes.ctrlT);
	screen.type('x');
	await screen.waitForText('> x');
	t.true(screen.frame().includes('Online (1)'), 'Ctrl-T no longer hides the panel');
	screen.type('\u0019'); // Ctrl-Y
	await screen.waitFor((frame) => !frame.includes('Online (1)'));
	t.true(screen.frame().includes('Ctrl-Y: users'), 'the hint names the new key');
	screen.type('\u0018'); // Ctrl-X clears the line
	await screen.waitFor((frame) => !frame.includes('> x'));
	t.pass();
});
