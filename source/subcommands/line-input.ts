import {
	clearScreenDown,
	createInterface,
	cursorTo,
	moveCursor,
	type Interface,
} from 'node:readline';
import type {Readable, Writable} from 'node:stream';

/*
Line mode's keyboard. From a pipe, plain lines. On a terminal (stdin and stdout both TTYs), a
readline prompt, and everything printed meanwhile goes above it: the prompt line is cleared, the
text printed, and the prompt redrawn with the half-typed line and the cursor where they were, as
readline's own output does. Ctrl-C there is a key, not a signal: it is passed to `onInterrupt`.
*/

export type LineInput = {
	readonly lines: AsyncIterable<string>;
	/** Writes whole lines to `stream` without breaking into what is being typed. */
	print(stream: Writable, text: string): void;
	close(): void;
};

const isTty = (stream: Readable | Writable) => (stream as {isTTY?: boolean}).isTTY === true;

export function createLineInput(options: {
	readonly input: Readable;
	readonly output: Writable;
	readonly prompt?: string;
	readonly onInterrupt?: () => void;
}): LineInput {
	const {input, output} = options;
	const terminal = isTty(input) && isTty(output);
	const readline: Interface = createInterface({
		input,
		crlfDelay: Number.POSITIVE_INFINITY,
		...(terminal ? {output, terminal: true, prompt: options.prompt ?? '> '} : {terminal: false}),
	});
	if (!terminal) {
		return {
			lines: readline,
			print(stream, text) {
				stream.write(text);
			},
			close() {
				readline.close();
			},
		};
	}

	let closed = false;
	readline.on('close', () => {
		closed = true;
	});
	readline.on('SIGINT', () => {
		options.onInterrupt?.();
	});
	readline.on('line', () => {
		if (!closed) {
			readline.prompt();
		}
	});
	readline.prompt();
	return {
		lines: readline,
		print(stream, text) {
			if (closed) {
				stream.write(text);
				return;
			}

			// To the start of the prompt (a long draft wraps over rows), clear down from there, print,
			// then draw the prompt and the draft again with the cursor in its place.
			moveCursor(output, 0, -readline.getCursorPos().rows);
			cursorTo(output, 0);
			clearScreenDown(output);
			stream.write(text);
			readline.prompt(true);
		},
		close() {
			readline.close();
		},
	};
}
