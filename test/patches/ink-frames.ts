/*
The patches to Ink's frame writing (patches/ink+6.8.0.patch, ink.js and write-synchronized.js),
tested on the Ink in node_modules rendering to a terminal-like stdout, each in a fresh process
(Ink draws differently under CI; the bundle never does, see node-child.ts).
*/
import test from 'ava';
import {runNodeScript} from '../helpers/node-child.js';

/** Renders `frame` (a column `height` rows tall), runs `step`, and reports what Ink wrote after it. */
const script = (step: string, height = 2) => `
import {EventEmitter} from 'node:events';
import React from 'react';
import {render, Box, Text} from 'ink';
const writes = [];
const stdout = Object.assign(new EventEmitter(), {
	isTTY: true, columns: 40, rows: 5,
	write(data) { writes.push(data); return true; },
});
const until = async (check) => {
	for (let tries = 0; tries < 300 && !check(); tries++) {
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
};
const frame = (text) => React.createElement(Box, {flexDirection: 'column', height: ${height}}, React.createElement(Text, null, text));
const app = render(frame('one'), {stdout, patchConsole: false, exitOnCtrlC: false});
await until(() => writes.join('').includes('one'));
const mark = writes.length;
${step}
const after = writes.slice(mark).join('');
app.unmount();
console.log(JSON.stringify({all: writes.join(''), after}));
`;

type Writes = {all: string; after: string};

test('a resize repaints the whole screen, also when the terminal grows', async (t) => {
	const {after} = await runNodeScript<Writes>(
		script(`
stdout.columns = 60;
stdout.emit('resize');
await until(() => writes.length > mark && writes.slice(mark).join('').includes('one'));
`),
	);
	t.true(after.startsWith('\u001B[2J\u001B[H'), 'clear and home first');
	t.true(after.includes('one'), 'then the whole frame again');
});

test('a frame as tall as the terminal is drawn as a change, not by clearing the terminal', async (t) => {
	const {after} = await runNodeScript<Writes>(
		script(
			`
app.rerender(frame('two'));
await until(() => writes.slice(mark).join('').includes('two'));
`,
			5,
		),
	);
	t.true(after.includes('two'));
	t.false(after.includes('\u001B[2J'), 'no clear of the terminal');
});

test('writes are not wrapped in synchronized output by Ink', async (t) => {
	const {all} = await runNodeScript<Writes>(
		script(`
app.rerender(frame('two'));
await until(() => writes.slice(mark).join('').includes('two'));
`),
	);
	t.true(all.includes('two'));
	t.false(all.includes('\u001B[?2026h'));
});
