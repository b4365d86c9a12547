import process from 'node:process';
import {
	emptyScreen,
	paint,
	paintAll,
	screenOf,
	unknownPosition,
	type Position,
	type Screen,
} from './frame-diff.js';
import {findScroll, scrolled, scrollSequence, type Region} from './scroll.js';

/*
chat-tui's stand-in for Ink's log-update, swapped in when the bundle is built (scripts/build.js).
Ink's incremental mode rewrites every changed row whole and reaches it with one `ESC [ E` per
row; over a slow SSH link every byte counts. This one writes only the changed cells, each run
reached by the shortest move, and moves the log up with a scroll region when messages arrive.

It draws the whole screen from the top-left corner, which is what chat-tui's only Ink app does:
the full-screen chat in the alternate screen (source/subcommands/ui.tsx, source/terminal.ts). After
every frame the terminal's own cursor goes where the app asked (Ink's useCursor: the input line's
insertion point), or stays hidden; input methods and screen readers follow it. A typed character
costs the character alone when the cursor already sits where it goes. Big frames are drawn as one
(synchronized output) with the cursor hidden meanwhile; small ones go as they are.
Set CHAT_TUI_SCROLL_REGION=0 for a terminal that mishandles scroll regions.
*/

type Stream = NodeJS.WriteStream;
type CursorPosition = {x: number; y: number};

const hideCursor = '\u001B[?25l';
/** DECSC and DECRC: shorter than an address back to where the cursor was. */
const saveCursor = '\u001B7';
const restoreCursor = '\u001B8';
const showCursor = '\u001B[?25h';
/** Synchronized output (mode 2026): the terminal shows the frame once it is all there. */
const beginFrame = '\u001B[?2026h';
const endFrame = '\u001B[?2026l';
/**
 * Frames this big or bigger are drawn as one, with the cursor hidden meanwhile; smaller ones (a
 * typed character, a new message) go as they are, the cursor where it is.
 */
const wholeFrameBytes = 256;

function linesOf(output: string): string[] {
	const lines = output.split('\n');
	if (output.endsWith('\n')) {
		lines.pop();
	}

	return lines;
}

type Update = {bytes: string; end: Position; region?: Region};

/** Where the terminal's cursor is, and the scroll region it has set (undefined: not known). */
type TerminalState = {readonly at: Position; readonly region?: Region};

const unknownState: TerminalState = {at: unknownPosition};

/**
 * The bytes from `previous` to `next`, with a scroll region when that is shorter, starting from
 * the terminal's state; and where the cursor is after them, and the region then.
 */
export function frameUpdate(
	previous: Screen,
	next: Screen,
	useScrollRegion: boolean,
	{at: from, region}: TerminalState = unknownState,
): Update {
	if (previous.width !== next.width || previous.texts.length === 0) {
		return {...paintAll(next), region};
	}

	const plain = {...paint(previous, next, from, region), region};
	const scroll = useScrollRegion ? findScroll(previous, next) : undefined;
	if (!scroll) {
		return plain;
	}

	const sequence = scrollSequence(scroll, region);
	// Setting the region puts the cursor home; SU alone leaves it where it is.
	const start = sequence.includes('r') ? {row: 0, col: 0} : from;
	const set = {top: scroll.top, bottom: scroll.bottom};
	const after = paint(scrolled(previous, scroll), next, start, set);
	const viaScroll = {bytes: sequence + after.bytes, end: after.end, region: set};
	return viaScroll.bytes.length < plain.bytes.length ? viaScroll : plain;
}

/** The bytes from `previous` to `next`: with a scroll region when that is shorter. */
export function frameBytes(previous: Screen, next: Screen, useScrollRegion: boolean): string {
	return frameUpdate(previous, next, useScrollRegion).bytes;
}

/**
 * A frame's bytes before the cursor goes back with DECRC (shorter than an address), which
 * restores the default attributes too: the reset the frame ends with can go.
 */
const withoutLastReset = (bytes: string) =>
	bytes.endsWith('\u001B[m') ? bytes.slice(0, -3) : bytes;

const samePlace = (cursor: CursorPosition | undefined, at: Position) =>
	cursor?.x === at.col && cursor.y === at.row;

/** What the terminal's cursor is wanted at, and where it is and whether it shows before a frame. */
type CursorState = {
	readonly cursor: CursorPosition | undefined;
	readonly keepCursor: boolean;
	readonly at: Position;
	readonly visible: boolean;
};

/**
 * A frame's bytes around the cursor: hidden while a whole frame is written (or while none is
 * wanted), put back at the insertion point, with DECSC/DECRC where it was there already; a frame
 * of `wholeFrameBytes` or more goes in synchronized output. Gives where the cursor is after it.
 */
function composeFrame(
	update: {readonly bytes: string; readonly end: Position},
	{cursor, keepCursor, at, visible}: CursorState,
): {bytes: string; at: Position; visible: boolean} {
	const moves = cursor !== undefined && !keepCursor && !samePlace(cursor, update.end);
	const back = moves && samePlace(cursor, at) && update.bytes !== '';
	const bytes = back ? withoutLastReset(update.bytes) : update.bytes;
	const whole = bytes.length >= wholeFrameBytes;
	let out = '';
	if (!keepCursor && visible && (whole || !cursor)) {
		out += hideCursor;
		visible = false;
	}

	out += back ? `${saveCursor}${bytes}${restoreCursor}` : bytes;
	at = update.end;
	if (moves && cursor) {
		out += back ? '' : `\u001B[${cursor.y + 1};${cursor.x + 1}H`;
		at = {row: cursor.y, col: cursor.x};
	}

	if (cursor && !keepCursor && !visible) {
		out += showCursor;
		visible = true;
	}

	return {bytes: whole ? beginFrame + out + endFrame : out, at, visible};
}

function create(stream: Stream, {showCursor: keepCursor = false} = {}) {
	const useScrollRegion = process.env.CHAT_TUI_SCROLL_REGION !== '0';
	let screen = emptyScreen(0);
	let previousOutput = '';
	/** Where the terminal's own cursor is wanted (the input line's insertion point), if shown. */
	let cursor: CursorPosition | undefined;
	/** Where the terminal's cursor is now, and whether it shows (it does when a program starts). */
	let at = unknownPosition;
	let visible = true;
	/** The scroll region the terminal has set, when known. */
	let region: Region | undefined;

	const cursorSettled = () => keepCursor || (cursor ? visible && samePlace(cursor, at) : !visible);
	const hasChanges = (output: string) => output !== previousOutput || !cursorSettled();

	const render = (output: string): boolean => {
		if (!hasChanges(output)) {
			return false;
		}

		const next = screenOf(linesOf(output), stream.columns || 80);
		const update = frameUpdate(screen, next, useScrollRegion, {at, region});
		region = update.region;
		const frame = composeFrame(update, {cursor, keepCursor, at, visible});
		({at, visible} = frame);
		stream.write(frame.bytes);
		screen = next;
		previousOutput = output;
		return true;
	};

	/** Forget what is on screen: the next frame is painted whole. */
	const forget = () => {
		screen = emptyScreen(0);
		previousOutput = '';
		at = unknownPosition;
		region = undefined;
	};

	render.clear = () => {
		stream.write('\u001B[m\u001B[H\u001B[2J');
		forget();
	};

	render.done = () => {
		forget();
		if (!keepCursor && !visible) {
			stream.write(showCursor);
			visible = true;
		}
	};

	/** Ink painted `output` itself (a resize, or a frame as tall as the terminal). */
	render.sync = (output: string) => {
		screen = output === '' ? emptyScreen(0) : screenOf(linesOf(output), stream.columns || 80);
		previousOutput = output;
		at = unknownPosition;
		region = undefined;
	};

	/** Where the terminal's cursor goes after every frame (Ink's useCursor); undefined hides it. */
	render.setCursorPosition = (position: CursorPosition | undefined) => {
		cursor = position ? {...position} : undefined;
	};

	render.isCursorDirty = () => !cursorSettled();
	render.willRender = hasChanges;
	return render;
}

const logUpdate = {create};
export default logUpdate;
