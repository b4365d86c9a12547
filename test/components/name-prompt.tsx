import test from 'ava';
import {render} from 'ink-testing-library';
import {act} from 'react';
import {NamePrompt} from '../../source/components/name-prompt.js';
import {labelsFor} from '../../source/look/i18n.js';
import type {Lang} from '../../source/cli/options.js';
import {waitFor, waitForFrame} from '../helpers/frames.js';

const enter = '\r';
const backspace = '\u007F';

/*
ink-text-input binds its key handler in an effect, after each frame is drawn: a key written the
moment a frame shows could still meet the previous handler (a user is never that fast). act()
resolves once React has rendered and run every effect, so each key meets the current handler.
act() is global to React, so the tests here run one at a time.
*/
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

async function setup(lang: Lang = 'en') {
	const submitted: string[] = [];
	let instance: ReturnType<typeof render> | undefined;
	await act(async () => {
		instance = render(
			<NamePrompt
				defaultName="py_user_1700000000"
				labels={labelsFor(lang)}
				width={60}
				height={12}
				server="http://localhost:3000"
				onSubmit={(name) => {
					submitted.push(name);
				}}
			/>,
		);
	});
	const {lastFrame, stdin} = instance!;
	const type = async (data: string) =>
		act(async () => {
			stdin.write(data);
		});
	const unmount = async () =>
		act(async () => {
			instance!.unmount();
		});
	return {lastFrame, type, unmount, submitted};
}

test.serial('asks for a name, showing the server and the default', async (t) => {
	const {lastFrame, unmount} = await setup();
	const frame = lastFrame()!;
	t.true(frame.includes('chat-tui'));
	t.true(frame.includes('http://localhost:3000'));
	t.true(frame.includes('Your name:'));
	t.true(frame.includes('> py_user_1700000000'), 'the default is the placeholder');
	t.true(frame.includes('empty takes “py_user_1700000000”'));
	await unmount();
});

test.serial('typing a name and Enter submits that name', async (t) => {
	const {lastFrame, type, submitted, unmount} = await setup();
	await type('alice');
	await waitForFrame(lastFrame, (frame) => frame.includes('> alice'));
	t.deepEqual(submitted, [], 'nothing is submitted before Enter');
	await type(enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['alice']);
	await unmount();
});

test.serial('a name is trimmed, and may be CJK', async (t) => {
	const {lastFrame, type, submitted, unmount} = await setup('zh');
	t.true(lastFrame()!.includes('请输入您的用户名:'));
	await type('  张伟 ');
	await waitForFrame(lastFrame, (frame) => frame.includes('张伟'));
	await type(enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['张伟']);
	await unmount();
});

test.serial('Enter on an empty line gives the default name', async (t) => {
	const {type, submitted, unmount} = await setup();
	await type(enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['py_user_1700000000']);
	await unmount();
});

test.serial('a name typed and erased again gives the default too', async (t) => {
	const {lastFrame, type, submitted, unmount} = await setup();
	await type('ab');
	await waitForFrame(lastFrame, (frame) => frame.includes('> ab'));
	await type(backspace);
	await waitForFrame(lastFrame, (frame) => frame.includes('> a') && !frame.includes('> ab'));
	await type(backspace);
	await waitForFrame(lastFrame, (frame) => frame.includes('> py_user_1700000000'));
	await type('   ');
	await waitForFrame(lastFrame, (frame) => !frame.includes('> py_user'));
	await type(enter);
	await waitFor(() => submitted.length > 0, 'onSubmit');
	t.deepEqual(submitted, ['py_user_1700000000']);
	await unmount();
});
