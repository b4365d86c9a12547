// Fonts and emoji from npm packages.

import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {ScreenshotError} from './settings.js';

const require = createRequire(import.meta.url);

// ---- Fonts and emoji ---------------------------------------------------------------------------

export function packageFile(specifier: string, packageName: string): string {
	try {
		return require.resolve(specifier);
	} catch {
		throw new ScreenshotError(`cannot find ${packageName} (a devDependency): run \`npm install\``);
	}
}

/** CJK subsets of Noto Sans SC that hold a character on the screen. */
export async function cjkSubsets(text: string): Promise<string[]> {
	const root = path.dirname(
		packageFile('@fontsource-variable/noto-sans-sc/LICENSE', '@fontsource-variable/noto-sans-sc'),
	);
	const directory = path.join(root, 'files');
	const ranges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<
		string,
		string
	>;
	const wanted = [...new Set(text)]
		.map((char) => char.codePointAt(0)!)
		.filter((codepoint) => codepoint > 0x2f_ff);
	const files: string[] = [];
	for (const [key, list] of Object.entries(ranges)) {
		const covered = list.split(',').map((range) => {
			const [from, to] = range.replace('U+', '').split('-');
			return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)] as const;
		});
		if (
			wanted.some((codepoint) => covered.some(([from, to]) => codepoint >= from && codepoint <= to))
		) {
			files.push(
				path.join(directory, `noto-sans-sc-${key.replaceAll(/[[\]]/g, '')}-wght-normal.woff2`),
			);
		}
	}

	return files;
}

/** WOFF2 → TTF files in `directory` (resvg reads TrueType and OpenType only). */
export async function writeFonts(directory: string, text: string): Promise<string[]> {
	const {decompress} = require(packageFile('wawoff2', 'wawoff2')) as {
		decompress(data: Uint8Array): Promise<Uint8Array>;
	};
	const dejavu = ['400-normal', '700-normal', '400-italic', '700-italic'].map((style) =>
		packageFile(
			`@fontsource/dejavu-mono/files/dejavu-mono-latin-${style}.woff2`,
			'@fontsource/dejavu-mono',
		),
	);
	const targets: string[] = [];
	// One at a time: wawoff2's decoder is not re-entrant.
	for (const source of [...dejavu, ...(await cjkSubsets(text))]) {
		const target = path.join(directory, `${path.basename(source, '.woff2')}.ttf`);
		await writeFile(target, await decompress(await readFile(source)));
		targets.push(target);
	}

	return targets;
}

export const emojiPattern = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** The Twemoji SVG for a cell, or undefined: then the cell is drawn as text. */
export async function emojiSvg(chars: string): Promise<string | undefined> {
	if (!emojiPattern.test(chars)) {
		return undefined;
	}

	const directory = path.dirname(packageFile('@twemoji/svg/package.json', '@twemoji/svg'));
	const points = [...chars].map((char) => char.codePointAt(0)!.toString(16));
	// Twemoji names drop U+FE0F except inside ZWJ sequences.
	const names = [points.filter((point) => point !== 'fe0f').join('-'), points.join('-')];
	for (const file of names.map((name) => path.join(directory, `${name}.svg`))) {
		if (existsSync(file)) {
			return readFile(file, 'utf8');
		}
	}

	return undefined;
}
