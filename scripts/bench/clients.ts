import path from 'node:path';
import {startTerminal, type TestTerminal} from '../../test/helpers/terminal.js';
import type {BenchServer} from './measure.js';

/** What every measurement shares: the server, a scratch folder, the terminal size. */
export type Bench = {
	readonly server: BenchServer;
	readonly work: string;
};

export const cols = 120;
export const rows = 40;
/** The newest message of the seeded history: the start-up ends when it is on screen. */
export const newest = 'bench-newest-message';

/** Each client's own config; one code cache for all of them, as for one user. */
export const clientEnv = (bench: Bench, name: string) => ({
	XDG_CONFIG_HOME: path.join(bench.work, name),
	// The read position too, kept out of the real home.
	XDG_STATE_HOME: path.join(bench.work, name, 'state'),
	XDG_CACHE_HOME: path.join(bench.work, 'cache'),
	LANG: 'en_US.UTF-8',
});

/** The built chat as `name`, online. */
export async function client(bench: Bench, name: string): Promise<TestTerminal> {
	const terminal = startTerminal({
		args: ['--server', bench.server.url, '--name', name],
		cols,
		rows,
		env: clientEnv(bench, name),
	});
	await terminal.waitForText(/● online \d+ ms/, 20_000);
	return terminal;
}
