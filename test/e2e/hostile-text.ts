import test from 'ava';
import {
	hostileNames,
	impersonatingNames,
	hostilePayloads,
	splitForbidden,
	splitPayloads,
} from '../helpers/hostile-corpus.js';
import {
	inNickColumn,
	inputRow,
	screenRows,
	seedMessage,
	startChat,
	statusRow,
	waitForOnline,
} from '../helpers/chat-terminal.js';
import {startHostileServer} from '../helpers/hostile-server.js';
import {startTestServer} from '../helpers/server-harness.js';

const rows = 50;

/*
Every payload reaches the client in a real terminal as a message and as a name, from a small real
server that relays text as it is (the reference server cleans it first, which would leave the
client's own defence untested). What the client wrote to the terminal must hold none of the
injected sequences, and the screen must still be the chat's: status bar and input line in their
rows, the panel on top.
*/
test.serial('hostile text from the network never reaches the terminal', async (t) => {
	t.true(hostilePayloads.length >= 30, 'the corpus covers at least 30 payloads');
	const server = await startHostileServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'watcher', rows, cols: 140});
	await waitForOnline(terminal);
	const startedAt = terminal.raw().length;
	const say = (sender: string, senderId: string, content: string) => {
		server.emit('message', {
			type: 'text',
			content,
			time: new Date().toISOString(),
			sender,
			senderId,
		});
	};

	for (const [index, payload] of hostilePayloads.entries()) {
		say(`sender${index}`, `h-${index}`, payload.text);
		await terminal.waitForText(payload.visible);
	}

	for (const [index, half] of splitPayloads.entries()) {
		say('splitter', 'splitter', half);
		await terminal.waitForText(index === 0 ? 'split-a' : 'split-b');
	}

	for (const name of hostileNames) {
		say(name.text, name.name, `from ${name.name}`);
		await terminal.waitForText(`from ${name.name}`);
	}

	const users = [
		{userId: 'u-watcher', username: 'watcher'},
		...hostileNames.map((name) => ({userId: `peer-${name.name}`, username: name.text})),
	];
	server.emit('userList', users);
	server.emit('userCount', users.length);
	await terminal.waitForText(`Online (${hostileNames.length + 1})`);

	const written = terminal.raw().slice(startedAt);
	for (const payload of [...hostilePayloads, ...hostileNames]) {
		for (const sequence of payload.forbidden) {
			t.false(
				written.includes(sequence),
				`${payload.name}: ${JSON.stringify(sequence)} reached the terminal`,
			);
		}
	}

	t.false(
		written.includes(splitForbidden),
		'an escape split over two messages reached the terminal',
	);
	t.notRegex(written, /[\u0080-\u009F]/, 'no C1 control reached the terminal');
	t.notRegex(written, /[\u202A-\u202E\u2066-\u2069]/, 'no bidi control reached the terminal');

	const screen = screenRows(terminal.screenText());
	t.regex(
		statusRow(screen),
		/127\.0\.0\.1:\d+ │ ● online \d+ ms │ watcher/,
		'the status bar is in its row',
	);
	t.true(inputRow(screen).startsWith('> '), 'the input line is in its row');
	t.regex(screen[0] ?? '', /│ Online \(\d+\)/, 'the panel title is on the top row');
	t.true(terminal.inAlternateScreen(), 'still in the alternate screen');
	for (const name of hostileNames) {
		t.true(terminal.screenText().includes(name.visible), `${name.name} shows as plain text`);
	}
});

test.serial('a user named like the system cannot pass for a system notice', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'watcher', rows, cols: 140});
	await waitForOnline(terminal);
	for (const [index, name] of impersonatingNames.entries()) {
		await seedMessage(server.url, {userId: `imp-${index}`, username: name}, `fake notice ${index}`);
		await terminal.waitForText(`fake notice ${index}`);
	}

	const lines = screenRows(terminal.screenText()).filter((row) => row.includes('fake notice'));
	t.is(lines.length, impersonatingNames.length);
	for (const [index, name] of impersonatingNames.entries()) {
		const line = lines.find((row) => row.includes(`fake notice ${index}`)) ?? '';
		t.true(
			line.includes(`${inNickColumn(`“${name}”`)}  fake notice ${index}`),
			`${name} is quoted: ${line}`,
		);
		t.notRegex(line, /^\d\d:\d\d +-!- /, `${name} looks like a system notice: ${line}`);
	}
});
