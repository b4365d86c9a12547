/*
The name prompt's field is ink-text-input (source/components/text-field.tsx), which by itself knows
only typing, Backspace, ← → and Enter, reads a bracketed paste with its markers, and loses keys that
arrive in one read. Every key the README promises for a line still works here, alone and all in
one read.
*/
import test from 'ava';
import {render} from 'ink-testing-library';
import {act, useEffect, type ReactElement} from 'react';
import {NamePrompt} from '../../source/components/name-prompt.js';
import {labelsFor} from '../../source/look/i18n.js';
import {bracketedPaste, keys} from '../helpers/keys.js';
import {waitFor, waitForFrame} from '../helpers/frames.js';

// See name-prompt.tsx: act() lets each write meet the handlers of the frame it follows.
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

function Watch({onGone, children}: {readonly onGone: () => void; readonly children: ReactElement}) {
	useEffect(() => onGone, [onGone]);
	return children;
}

async function setup() {
	const submitted: string[] = [];
	const state = {gone: false};
	let instance: ReturnType<typeof render> | undefined;
	await act(async () => {
		instance = render(
			<Watch
				onGone={() => {
					state.gone = true;
				}}
			>
				<NamePrompt
					defaultName="guest"
					labels={labelsFor('en')}
					width={60}
					height={12}
					server="http://localhost:3000"
					onSubmit={(name) => {
						submitted.push(name);
					}}
				/>
			</Watch>,
		);
	});
	const {lastFrame, stdin} = instance!;
	const type = async (...data: string[]) => {
		for (const chunk of data) {
			await act(async () => {
				stdin.write(chunk);
			});
		}
	};

	/** The field's text, the `> ` prompt left out; the placeholder when it is empty. */
	const field = () => /│ {2}> (.*?)\s*│/.exec(lastFrame() ?? '')?.[1];
	const fieldIs = async (text: string) =>
		waitForFrame(lastFrame, () => field() === text).catch(() => {
			throw new Error(`the field shows "${field()}", not "${text}"`);
		});
	const unmount = async () =>
		act(async () => {
			instance!.unmount();
		});
	return {type, field, fieldIs, submitted, state, unmount};
}

test.serial('every editing key, one at a time', async (t) => {
	const {type, fieldIs, submitted, unmount} = await setup();
	await type('carol', keys.home, 'x');
	await fieldIs('xcarol');
	await type(keys.end, keys.backspace);
	await fieldIs('xcaro');
	await type(keys.ctrlA, keys.right, keys.ctrlK);
	await fieldIs('x');
	await type(keys.ctrlU);
	await fieldIs('guest');
	await type('one two three', keys.ctrlW);
	await fieldIs('one two');
	await type(keys.ctrlLeft, keys.delete);
	await fieldIs('one wo');
	await type(keys.ctrlE, '!', keys.left, keys.left, '_');
	await fieldIs('one wo_ !');
	await type(keys.ctrlRight, '?', keys.enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['one wo_ !?']);
	await unmount();
});

test.serial('the same keys in one read', async (t) => {
	const {type, submitted, unmount} = await setup();
	await type(
		[
			'carol',
			keys.home,
			'x',
			keys.end,
			keys.backspace,
			keys.ctrlA,
			keys.right,
			keys.ctrlK,
			keys.ctrlU,
			'one two three',
			keys.ctrlW,
			keys.ctrlLeft,
			keys.delete,
			keys.ctrlE,
			'!',
			keys.left,
			keys.left,
			'_',
			keys.ctrlRight,
			'?',
			keys.enter,
		].join(''),
	);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['one wo_ !?']);
	await unmount();
});

test.serial('a name and Enter in one read submit that name', async (t) => {
	const {type, submitted, unmount} = await setup();
	await type('dave\r');
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['dave']);
	await unmount();
});

test.serial('a bracketed paste is typed text, its lines joined', async (t) => {
	const {type, fieldIs, submitted, unmount} = await setup();
	await type(bracketedPaste('dave'));
	await fieldIs('dave');
	await type(bracketedPaste('\nvan\r\ndyke\n'));
	await fieldIs('davevan dyke');
	await type(keys.enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['davevan dyke']);
	await unmount();
});

test.serial('Ctrl-D quits on an empty field only', async (t) => {
	const {type, fieldIs, state, unmount} = await setup();
	await type('a', keys.ctrlD);
	await fieldIs('a');
	t.false(state.gone);
	await type(keys.backspace, keys.ctrlD);
	await waitFor(() => state.gone, 'the prompt to quit');
	t.pass();
	await unmount();
});

test.serial('Ctrl-C quits, also with a name typed', async (t) => {
	const {type, fieldIs, state, submitted, unmount} = await setup();
	await type('bob');
	await fieldIs('bob');
	await type(keys.ctrlC);
	await waitFor(() => state.gone, 'the prompt to quit');
	t.deepEqual(submitted, []);
	await unmount();
});
