import {execFile} from 'node:child_process';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
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

/**
 * The guide's line client (rest_api.py, chat_client.py, main.py), taken from the guide itself
 * and pointed at `serverUrl`. Returns its folder, or undefined when the guide is not beside us.
 */
export async function writeGuideClient(
	guide: string,
	folder: string,
	serverUrl: string,
): Promise<string | undefined> {
	let text: string;
	try {
		text = await readFile(guide, 'utf8');
	} catch {
		return undefined;
	}

	const blocks = [...text.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1]!);
	const [restApi, chatClient, main] = blocks;
	if (!restApi || !chatClient || !main) {
		return undefined;
	}

	await mkdir(folder, {recursive: true});
	await writeFile(path.join(folder, 'rest_api.py'), restApi);
	await writeFile(path.join(folder, 'chat_client.py'), chatClient);
	await writeFile(
		path.join(folder, 'main.py'),
		main.replaceAll('http://localhost:3000', serverUrl),
	);
	return folder;
}
