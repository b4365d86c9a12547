import test from 'ava';
import {
	bodyLength,
	newestMentions,
	notificationBytes,
	notificationText,
	titleLength,
} from '../../source/render/notification.js';
import {message} from '../helpers/messages.js';

test('a notification is OSC 777 notify and OSC 9, each ended by BEL', (t) => {
	t.is(
		notificationBytes('bob', 'hi alice'),
		'\u001B]777;notify;bob;hi alice\u0007\u001B]9;bob: hi alice\u0007',
	);
});

test('title and body cannot break out of the sequence: no ;, ESC, BEL or C1; one line', (t) => {
	const bytes = notificationBytes(
		'evil;name\u0007\u001B]0;x\u0007',
		'line one\nline two; \u001B]52;c;Zm9v\u0007 \u009C end',
	);
	const [osc777, osc9, rest] = bytes.split('\u0007');
	t.is(osc777, '\u001B]777;notify;evil,name;line one line two, end');
	t.is(osc9, '\u001B]9;evil,name: line one line two, end');
	t.is(rest, '');
	t.is(bytes.split('\u001B').length, 3, 'only the two introducers');
});

test('title and body are cut short', (t) => {
	t.is([...notificationText('x'.repeat(500), titleLength)].length, titleLength);
	t.true(notificationText('y'.repeat(500), bodyLength).endsWith('…'));
	t.is(notificationText('short', bodyLength), 'short');
});

test('the newest mentions from others, oldest first', (t) => {
	const me = {userId: 'u-alice', username: 'alice'};
	const messages = [
		message({content: 'alice one', sender: 'bob', senderId: 'u-bob'}),
		message({content: 'no mention', sender: 'bob', senderId: 'u-bob'}),
		message({content: 'me, alice', sender: 'alice', senderId: 'u-alice'}),
		message({content: '@alice two', sender: 'carol', senderId: 'u-carol'}),
	];
	t.deepEqual(
		newestMentions(messages, me, 2).map((found) => found.content),
		['alice one', '@alice two'],
	);
	t.deepEqual(
		newestMentions(messages, me, 1).map((found) => found.content),
		['@alice two'],
	);
});
