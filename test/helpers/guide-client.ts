// The guide's own Python line client (test/fixtures/guide-client, as the guide writes it): for the
// end-to-end test where it is the chat's peer, and for the benchmark's start-up rows.
import {execFile} from 'node:child_process';
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** Debian's python3 with python-socketio and requests, as the guide's client needs. */
export async function pythonWithSocketio(): Promise<string | undefined> {
	for (const python of ['/usr/bin/python3', 'python3']) {
		try {
			await run(python, ['-c', 'import socketio, requests']);
			return python;
		} catch {
			// Try the next one.
		}
	}

	return undefined;
}

/** The guide's line client as the guide writes it (rest_api.py, chat_client.py, main.py). */
const guideClient = fileURLToPath(new URL('../fixtures/guide-client/', import.meta.url));

/** The guide's line client in `folder`, pointed at `serverUrl` (the guide's only setting). */
export async function writeGuideClient(folder: string, serverUrl: string): Promise<string> {
	await mkdir(folder, {recursive: true});
	for (const file of ['rest_api.py', 'chat_client.py']) {
		await copyFile(path.join(guideClient, file), path.join(folder, file));
	}

	const main = await readFile(path.join(guideClient, 'main.py'), 'utf8');
	await writeFile(
		path.join(folder, 'main.py'),
		main.replaceAll('http://localhost:3000', serverUrl),
	);
	return folder;
}
