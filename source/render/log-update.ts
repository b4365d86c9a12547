import process from 'node:process';
import {emptyScreen, paintAll, paintDiff, screenOf, type Screen} from './frame-diff.js';
import {findScroll, scrolled, scrollSequence} from './scroll.js';

/*
chat-tui's stand-in for Ink's log-update, swapped in when the bundle is built (scripts/build.js).
Ink's incremental mode rewrites every changed row whole and reaches it with one `ESC [ E` per
row; over a slow SSH link every byte counts. This one writes only the changed cells, each run
reached with one cursor address, and moves the log up with a scroll region when messages arrive.

It draws the whole screen from the top-left corner, which is what chat-tui's only Ink app does:
the full-screen chat in the alternate screen (source/commands/ui.tsx, source/terminal.ts).
Set CHAT_TUI_SCROLL_REGION=0 for a terminal that mishandles scroll regions.
*/

type Stream = NodeJS.WriteStream;
type CursorPosition = {x: number; y: number};

const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';

function linesOf(output: string): string[] {
	const lines = output.split('\n');
	if (output.endsWith('\n')) {
		lines.pop();
	}

	return lines;
}

/** The bytes from `previous` to `next`: with a scroll region when that is shorter. */
export function frameBytes(previous: Screen, next: Screen, useScrollRegion: boolean): string {
	if (previous.width !== next.width || previous.texts.length === 0) {
		return paintAll(next);
	}

	const plain = paintDiff(previous, next);
	const scroll = useScrollRegion ? findScroll(previous, next) : undefined;
	if (!scroll) {
		return plain;
	}

	const viaScroll = scrollSequence(scroll) + paintDiff(scrolled(previous, scroll), next);
	return viaScroll.length < plain.length ? viaScroll : plain;
}

function create(stream: Stream, {showCursor: keepCursor = false} = {}) {
	const useScrollRegion = process.env.CHAT_TUI_SCROLL_REGION !== '0';
	let screen = emptyScreen(0);
	let previousOutput = '';
	let cursorHidden = false;
	let cursorPosition: CursorPosition | undefined;
	let cursorDirty = false;
	let shownCursor: CursorPosition | undefined;

	const activeCursor = () => (cursorDirty ? cursorPosition : undefined);
	const cursorMoved = (cursor: CursorPosition | undefined) =>
		cursor?.x !== shownCursor?.x || cursor?.y !== shownCursor?.y;
	const hasChanges = (output: string) => output !== previousOutput || cursorMoved(activeCursor());

	const render = (output: string): boolean => {
		const cursor = activeCursor();
		cursorDirty = false;
		if (output === previousOutput && !cursorMoved(cursor)) {
			return false;
		}

		let out = '';
		if (!keepCursor && !cursorHidden) {
			out += hideCursor;
			cursorHidden = true;
		}

		if (shownCursor) {
			out += hideCursor;
		}

		const next = screenOf(linesOf(output), stream.columns || 80);
		out += frameBytes(screen, next, useScrollRegion);
		if (cursor) {
			out += `\u001B[${cursor.y + 1};${cursor.x + 1}H${showCursor}`;
		}

		stream.write(out);
		screen = next;
		previousOutput = output;
		shownCursor = cursor ? {...cursor} : undefined;
		return true;
	};

	/** Forget what is on screen: the next frame is painted whole. */
	const forget = () => {
		screen = emptyScreen(0);
		previousOutput = '';
		shownCursor = undefined;
	};

	render.clear = () => {
		stream.write('\u001B[m\u001B[H\u001B[2J');
		forget();
	};

	render.done = () => {
		forget();
		if (!keepCursor) {
			stream.write(showCursor);
			cursorHidden = false;
		}
	};

	/** Ink painted `output` itself (a resize, or a frame as tall as the terminal). */
	render.sync = (output: string) => {
		cursorDirty = false;
		screen = output === '' ? emptyScreen(0) : screenOf(linesOf(output), stream.columns || 80);
		previousOutput = output;
		shownCursor = undefined;
	};

	render.setCursorPosition = (position: CursorPosition | undefined) => {
		cursorPosition = position;
		cursorDirty = true;
	};

	render.isCursorDirty = () => cursorDirty;
	render.willRender = hasChanges;
	return render;
}

const logUpdate = {create};
export default logUpdate;
