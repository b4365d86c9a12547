import {readFile} from 'node:fs/promises';
import process from 'node:process';
import {startServer} from '../server/index.js';
import {parsePort, parseRateLimit, UsageError, type Lang} from '../cli/options.js';
import {presenceWordsFor} from '../server/presence-words.js';

export type ServeFlags = {
	readonly host?: string;
	readonly port?: string;
	readonly data?: string;
	readonly cert?: string;
	readonly key?: string;
	readonly rateLimit?: string;
	/** Default: $CHAT_TUI_REDIS. */
	readonly redis?: string;
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

/** The Redis URL of --redis or $CHAT_TUI_REDIS, checked; undefined for neither. */
function redisUrl(flag: string | undefined, environment: NodeJS.ProcessEnv): string | undefined {
	const [raw, name] =
		flag === undefined ? [environment.CHAT_TUI_REDIS, 'CHAT_TUI_REDIS'] : [flag, '--redis'];
	if (raw === undefined || (raw === '' && flag === undefined)) {
		return undefined;
	}

	let url: URL | undefined;
	try {
		url = new URL(raw);
	} catch {}

	if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
		throw new UsageError(`${name} must be a URL like redis://host:6379 (rediss:// for TLS)`);
	}

	return raw;
}

/** `chat-tui serve`: run the reference server until SIGINT or SIGTERM. */
export async function serve(flags: ServeFlags): Promise<void> {
	if (Boolean(flags.cert) !== Boolean(flags.key)) {
		throw new UsageError('--cert and --key go together');
	}

	const redis = redisUrl(flags.redis, process.env);
	if (redis !== undefined && flags.data !== undefined) {
		throw new UsageError('--data and --redis: pick one (with Redis, the history is kept there)');
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
		redis,
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
