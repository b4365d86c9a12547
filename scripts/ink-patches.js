// Fixes to Ink 6.8.0 applied while bundling (see scripts/build.js).

export const inkPatches = [
	{
		// Ink 6.8.0's incremental log-update moves the cursor up one row too few when the previous
		// frame ended in a newline (every frame shorter than the terminal does), so the screen
		// scrolls by one row per frame. Upstream fixed it in Ink 7 (PR #910, "Fix incremental
		// rendering for trailing newline"): with a trailing newline the cursor sits one row below
		// the last visible line, so it must go up `previousVisible` rows, not `previousVisible - 1`.
		name: 'incremental-trailing-newline',
		file: 'log-update.js',
		find: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		replace: String.raw`buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\n') ? previousVisible : previousVisible - 1));`,
	},
];

inkPatches.push(
	{
		// On a resize, terminals reflow or clip what is on screen, so Ink's idea of where its last
		// frame sits no longer holds. In the full screen the only safe repaint is a whole one: clear,
		// home, forget the last frame, draw. (Ink 6.8 only does so when the width shrinks, and then
		// by erasing lines relative to a cursor that may have moved.) chat-tui also triggers this
		// for Ctrl-L.
		name: 'full-repaint-on-resize',
		file: 'ink.js',
		find: 'if (currentWidth < this.lastTerminalWidth) {',
		replace: String.raw`if (this.options.stdout.isTTY) { this.options.stdout.write('\u001B[2J\u001B[H'); this.log.sync(''); this.lastOutput = ''; this.lastOutputToRender = ''; this.lastOutputHeight = 0; } else if (currentWidth < this.lastTerminalWidth) {`,
	},
	{
		// Incremental rendering moves past each unchanged row with its own `ESC [ E`: 3 bytes a
		// row, about 110 bytes per keystroke at 40 rows just to reach the input line. Count the
		// unchanged rows instead and move past them at once with `ESC [ n E`.
		name: 'coalesce-unchanged-rows',
		file: 'log-update.js',
		find: `            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    buffer.push(ansiEscapes.cursorNextLine);
                }
                continue;
            }
            buffer.push(ansiEscapes.cursorTo(0) +`,
		replace: `            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    skippedRows++;
                }
                continue;
            }
            if (skippedRows > 0) {
                buffer.push(skippedRows === 1 ? '\\u001B[E' : '\\u001B[' + skippedRows + 'E');
                skippedRows = 0;
            }
            buffer.push(ansiEscapes.cursorTo(0) +`,
	},
	{
		name: 'coalesce-unchanged-rows-start',
		file: 'log-update.js',
		find: `        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
		replace: `        let skippedRows = 0;
        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;`,
	},
	{
		name: 'coalesce-unchanged-rows-end',
		file: 'log-update.js',
		find: `        const cursorSuffix = buildCursorSuffix(visibleCount, activeCursor);
        buffer.push(cursorSuffix);
        stream.write(buffer.join(''));`,
		replace: `        if (skippedRows > 0) {
            buffer.push(skippedRows === 1 ? '\\u001B[E' : '\\u001B[' + skippedRows + 'E');
        }
        const cursorSuffix = buildCursorSuffix(visibleCount, activeCursor);
        buffer.push(cursorSuffix);
        stream.write(buffer.join(''));`,
	},
);
