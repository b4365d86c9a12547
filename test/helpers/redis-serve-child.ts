// A `chat-tui serve --redis` process with a short presence lease, for tests that kill it: the
// real server code in a process of its own. Arguments: the Redis URL, the lease in ms. Prints
// the server's URL on a line of its own once it listens.
import process from 'node:process';
import {startServer} from '../../source/server/index.js';

const [redis, ttl] = process.argv.slice(2);
const server = await startServer({
	port: 0,
	redis,
	presenceTtlMs: Number(ttl),
	log() {
		// Quiet: the test reads stdout.
	},
});
process.stdout.write(`${server.url}\n`);
