import {mkdirSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/*
A file only the user can read (mode 0600, its folder 0700), written atomically: a temporary file
renamed over the old one, so a crash never leaves half a file.
*/

/** Write it in the background: the offline queue, written on every change. */
export async function writePrivateFile(file: string, text: string): Promise<void> {
	// Loaded on first use: Node's fs/promises takes a few milliseconds to load.
	const {mkdir, rename, writeFile} = await import('node:fs/promises');
	await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, text, {mode: 0o600});
	await rename(temporary, file);
}

/**
 * Write it at once: the config, written seldom, and on a first start before the chat can draw
 * (a new user's ID). Done in the background, it took several times as long, in turns of the event
 * loop between other work.
 */
export function writePrivateFileNow(file: string, text: string): void {
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, text, {mode: 0o600});
	renameSync(temporary, file);
}
