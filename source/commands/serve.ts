import {readFile} from 'node:fs/promises';
import process from 'node:process';
import {startServer} from '../server/index.js';
import {parsePort, parseRateLimit, UsageError, type Lang} from '../options.js';
import {presenceWordsFor} from '../server/presence-words.js';

export type ServeFlags = {
	readonly host?: string;
	readonly port?: string;
	readonly data?: string;
	readonly cert?: string;
	readonly key?: string;
	readonly rateLimit?: string;
	/** The language of the join, leave and rename notices; English when not given. */
	readonly lang?: Lang;
};

async function readPem(path: string, flag: string): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error: unknown) {
		const code = (error as {code?: string}).code ?? 'unreadable';
		throw new UsageError(`${flag}: cannot read ${path} (${code})`);
	}
}

/** `chat-tui serve`: run the reference server until SIGINT or SIGTERM. */
export async function serve(flags: ServeFlags): Promise<void> {
	if (Boolean(flags.cert) !== Boolean(flags.key)) {
		throw new UsageError('--cert and --key go together');
	}

	const port = parsePort(flags.port ?? 3000);
	const rateLimit = flags.rateLimit === undefined ? undefined : parseRateLimit(flags.rateLimit);
	const tls =
		flags.cert && flags.key
			? {cert: await readPem(flags.cert, '--cert'), key: await readPem(flags.key, '--key')}
			: {};
	const server = await startServer({
		host: flags.host ?? '127.0.0.1',
		port,
		dataFile: flags.data,
		...(rateLimit ? {rateLimit} : {}),
		...(flags.lang ? {presenceWords: presenceWordsFor(flags.lang)} : {}),
		...tls,
	});
	process.stderr.write(`chat-tui serve: listening on ${server.url} (REST at ${server.url}/api)\n`);

	await new Promise<void>((resolve) => {
		const stop = () => {
			resolve();
		};

		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await server.close();
}
