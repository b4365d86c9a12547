import path from 'node:path';
import {sanitize} from '../protocol/sanitize.js';
import {limits, type SafeText} from '../protocol/types.js';
import {writePrivateFile} from '../config/private-file.js';
import {nodeCrypto} from '../startup/node-crypto.js';

/*
The offline queue on disk: lines the user sent that the server has not echoed yet, so a crash or
a quit loses nothing. One file per server and user, next to the config, mode 0600.
*/

export type StoredLine = {readonly content: SafeText; readonly createdAt: number};

export function outboxPath(configFile: string, server: string, userId: string): string {
	const key = nodeCrypto()
		.createHash('sha256')
		.update(`${server}\n${userId}`)
		.digest('hex')
		.slice(0, 16);
	return path.join(path.dirname(configFile), `outbox-${key}.json`);
}

/** The saved lines; a missing or unreadable file is an empty queue (it is ours, not the user's). */
export async function loadOutbox(file: string): Promise<StoredLine[]> {
	try {
		// Loaded on first use, after the first frame: see config.ts's readText.
		const {readFile} = await import('node:fs/promises');
		const json: unknown = JSON.parse(await readFile(file, 'utf8'));
		if (!Array.isArray(json)) {
			return [];
		}

		return json.flatMap((entry: unknown): StoredLine[] => {
			const {content, createdAt} = (entry ?? {}) as {content?: unknown; createdAt?: unknown};
			return typeof content === 'string' && typeof createdAt === 'number'
				? [
						{
							content: sanitize(content, {multiline: true, maxLength: limits.contentLength}).text,
							createdAt,
						},
					]
				: [];
		});
	} catch {
		return [];
	}
}

export async function saveOutbox(file: string, lines: readonly StoredLine[]): Promise<void> {
	if (lines.length === 0) {
		const {rm} = await import('node:fs/promises');
		await rm(file, {force: true});
		return;
	}

	await writePrivateFile(file, JSON.stringify(lines));
}
