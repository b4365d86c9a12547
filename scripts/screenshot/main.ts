// `npm run screenshot`: run the built `chat-tui --demo` in a real pseudo-terminal, wait until the
// chat shows its history, the bot and the bot's answer to us, read every cell (character, colours,
// bold, inverse, width) through @xterm/headless, and draw the cells as an SVG on an exact grid,
// rendered to docs/screenshot.png by resvg. Fonts and emoji come from npm packages (DejaVu Sans
// Mono, Noto Sans SC, Twemoji), so the picture is the same on any machine after `npm install`.

import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type * as ResvgModule from '@resvg/resvg-js';
import {logLines, onlinePattern, panelLines, statusRow} from '../../test/helpers/chat-terminal.js';
import {cliPath} from '../../test/helpers/terminal.js';
import {readCells} from './cells.js';
import {startDemo, stopDemo, waitFor, waitForStillness, type Session} from './demo.js';
import {drawSvg} from './draw.js';
import {writeFonts} from './fonts.js';
import {cols, name, output, rows, ScreenshotError, zoom} from './settings.js';

// ---- Main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
	if (!existsSync(cliPath)) {
		throw new ScreenshotError(`${cliPath} is missing: run \`npm run build\` first`);
	}

	const {Resvg} = await import('@resvg/resvg-js').catch((): typeof ResvgModule => {
		throw new ScreenshotError('cannot load @resvg/resvg-js (a devDependency): run `npm install`');
	});

	const work = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-screenshot-'));
	const configHome = path.join(work, 'config');
	await mkdir(configHome);
	let session: Session | undefined;
	const interrupt = () => {
		session?.pty.kill('SIGTERM');
		void rm(work, {recursive: true, force: true}).finally(() => process.exit(130));
	};

	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		session = startDemo(configHome);
		const demo = session;
		await waitFor(demo, 'the status bar to say online', (screen) =>
			onlinePattern.test(statusRow(screen)),
		);
		await waitFor(demo, 'the seeded history', (screen) =>
			logLines(screen).some((line) => line.includes('是的，下午三点开始')),
		);
		await waitFor(demo, "the bot's greeting", (screen) =>
			logLines(screen).some((line) => line.includes('Hello everyone! I am chatbot')),
		);
		await waitFor(
			demo,
			'the bot and us in the user list',
			(screen) =>
				panelLines(screen)?.some((line) => line.includes('chatbot')) === true &&
				panelLines(screen)?.some((line) => line.includes(name)) === true,
		);
		demo.pty.write('hi @chatbot\r');
		await waitFor(demo, "the bot's answer", (screen) =>
			logLines(screen).some((line) => line.includes(`chatbot  @${name} `)),
		);
		await waitForStillness(demo);

		const cells = readCells(demo.term);
		const buffer = demo.term.buffer.active;
		const cursor = demo.cursorVisible ? {x: buffer.cursorX, y: buffer.cursorY} : undefined;
		const text = demo.screen().join('');
		await stopDemo(demo);
		if (demo.exitCode !== 0) {
			throw new ScreenshotError(`chat-tui --demo exited with code ${demo.exitCode} after /quit`);
		}

		const fontFiles = await writeFonts(work, text);
		const svg = await drawSvg(cells, cursor);
		const png = new Resvg(svg, {
			fitTo: {mode: 'zoom', value: zoom},
			font: {loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans Mono'},
		})
			.render()
			.asPng();
		await mkdir(path.dirname(output), {recursive: true});
		await writeFile(output, png);
		if (process.env.SCREENSHOT_SVG) {
			await writeFile(process.env.SCREENSHOT_SVG, svg);
		}

		const {size} = await stat(output);
		console.log(
			`wrote ${path.relative(process.cwd(), output)}: ${(size / 1024).toFixed(0)} KiB, ${cols}×${rows} cells`,
		);
	} finally {
		if (session) {
			await stopDemo(session);
		}

		await rm(work, {recursive: true, force: true});
	}
}

try {
	await main();
	process.exit(0);
} catch (error) {
	const message = error instanceof ScreenshotError ? error.message : (error as Error).stack;
	console.error(`screenshot: ${message}`);
	process.exit(1);
}
