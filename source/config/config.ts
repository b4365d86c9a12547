import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {checkConfig, ConfigValueError, lineOfKey, type Config} from './values.js';
import {writePrivateFileNow} from './private-file.js';

/*
The user's config file, `$XDG_CONFIG_HOME/chat-tui/config.json` (default ~/.config/...). It keeps
the userId that marks the user's own messages across runs, and the user's defaults (server, name,
theme, bell, time format, ASCII, keys; see config-values.ts). It is written with mode 0600, keeping
every other key as it is, and a broken file is an error naming the file and line: it is never
silently reset.
*/

export type ConfigFile = {
	[key: string]: unknown;
	server?: string;
	name?: string;
	userId?: string;
};

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

export function configPath(environment: NodeJS.ProcessEnv = process.env): string {
	// An empty XDG_CONFIG_HOME counts as unset, as the XDG spec says.
	// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	const base = environment.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), '.config');
	return path.join(base, 'chat-tui', 'config.json');
}

/**
 * Where JSON.parse gave up, as " at line N". Node 20's messages carry no position, so find the
 * shortest prefix that fails for a reason other than ending early (a prefix of valid JSON only
 * ever ends early): the bad token ends there.
 */
function lineOf(text: string): string {
	const failsInside = (length: number) => {
		try {
			JSON.parse(text.slice(0, length));
			return false;
		} catch (error: unknown) {
			const {message} = error as Error;
			const position = /at position (\d+)/.exec(message)?.[1];
			if (position !== undefined) {
				return Number(position) < length;
			}

			return !/end of json input|unterminated/i.test(message);
		}
	};

	if (!failsInside(text.length)) {
		return '';
	}

	let low = 0;
	let high = text.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (failsInside(middle)) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}

	return ` at line ${text.slice(0, low).split('\n').length}`;
}

/**
 * Read at once: the file is small, and every start reads it. (Node's fs/promises also takes a few
 * milliseconds to load, which the chat's first frame need not wait for.)
 */
async function readText(file: string): Promise<string | undefined> {
	try {
		return readFileSync(file, 'utf8');
	} catch (error: unknown) {
		if ((error as {code?: string}).code === 'ENOENT') {
			return undefined;
		}

		throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
	}
}

/** The file as it is (every key, unchecked), for writing back; {} when there is none. */
export async function readConfig(file: string): Promise<ConfigFile> {
	const text = await readText(file);
	return text === undefined ? {} : parseJson(file, text);
}

/** The file's settings, checked: a wrong value is a ConfigError naming the file, line and key. */
export async function loadConfig(file: string): Promise<Config> {
	const text = await readText(file);
	if (text === undefined) {
		return {};
	}

	try {
		return checkConfig(parseJson(file, text));
	} catch (error: unknown) {
		if (error instanceof ConfigValueError) {
			const line = lineOfKey(text, error.path);
			throw new ConfigError(`${file}${line === undefined ? '' : `:${line}`}: ${error.message}`);
		}

		throw error;
	}
}

function parseJson(file: string, text: string): ConfigFile {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new ConfigError(`${file}: invalid JSON${lineOf(text)}; fix or remove the file`);
	}

	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		throw new ConfigError(`${file}: expected a JSON object`);
	}

	return json as ConfigFile;
}

/** Write the config with mode 0600, atomically. */
export async function writeConfig(file: string, config: ConfigFile): Promise<void> {
	writePrivateFileNow(file, `${JSON.stringify(config, null, '\t')}\n`);
}

/**
 * A new user's ID: the time and 24 random bits. It is no secret (every message carries it), only
 * unique, so Math.random does: node:crypto would add its load time to a first start.
 */
export function newUserId(): string {
	const random = Math.floor(Math.random() * 0x1_00_00_00)
		.toString(16)
		.padStart(6, '0');
	return `tui_${Math.floor(Date.now() / 1000)}_${random}`;
}

/**
 * The userId to use: the flag's, else the one kept in the config file, else a new one that is
 * saved there so the next run marks the same messages as the user's own.
 */
export async function resolveUserId(file: string, flag: string | undefined): Promise<string> {
	if (flag) {
		return flag;
	}

	const config = await readConfig(file);
	if (typeof config.userId === 'string' && config.userId.length > 0) {
		return config.userId;
	}

	const userId = newUserId();
	await writeConfig(file, {...config, userId});
	return userId;
}

export async function rememberName(file: string, name: string): Promise<void> {
	const config = await readConfig(file);
	if (config.name !== name) {
		await writeConfig(file, {...config, name});
	}
}
