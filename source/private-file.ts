import {mkdir, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a file only the user can read (mode 0600, its folder 0700), atomically: a temporary file
 * renamed over the old one, so a crash never leaves half a file.
 */
export async function writePrivateFile(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, text, {mode: 0o600});
	await rename(temporary, file);
}
