// A room of N made-up people for `npm run bench` (see test/helpers/big-room.ts), in a process of
// its own so that making its lists does not slow the measuring one: one leaves and another comes
// every INTERVAL ms, and the whole list goes out each time. Prints "listening on URL".
import process from 'node:process';
import {startBigRoom} from '../../test/helpers/big-room.js';

const people = Number(process.argv[2] ?? 5000);
const intervalMs = Number(process.argv[3] ?? 500);
const closers: Array<() => unknown> = [];
const room = await startBigRoom({teardown: (close) => closers.push(close)}, people);
setInterval(() => {
	room.churn();
}, intervalMs);
process.on('SIGTERM', async () => {
	await Promise.all(closers.map(async (close) => close()));
	process.exit(0);
});
console.error(`listening on ${room.url}`);
