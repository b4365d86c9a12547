// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;

/** A headless terminal emulator in its alternate screen, fed bytes directly, read back cell by cell. */
export type Emulator = {
	write(data: string): Promise<void>;
	/** Each row as text, one entry per cell: the character, everything that styles it, its link. */
	cells(): string[][];
	/** Each row as plain text, trailing blanks dropped. */
	text(): string[];
};

/** The parts of the emulator's internals that know which OSC 8 link a cell belongs to. */
type LinkCore = {
	_core: {_oscLinkService: {getLinkData(id: number): {id?: string; uri: string} | undefined}};
};

export function emulator(cols: number, rows: number): Emulator {
	const term = new Terminal({cols, rows, allowProposedApi: true});
	const links = (term as unknown as LinkCore)._core._oscLinkService;
	const linkOf = (cell: unknown) => {
		const urlId = (cell as {extended?: {urlId?: number}}).extended?.urlId ?? 0;
		const data = urlId === 0 ? undefined : links.getLinkData(urlId);
		return data ? `${data.id ?? ''};${data.uri}` : '';
	};

	// Writes are applied in order, so this one is done before any the caller awaits.
	term.write('\u001B[?1049h');
	const buffer = () => term.buffer.active;
	return {
		async write(data) {
			await new Promise<void>((resolve) => {
				term.write(data, resolve);
			});
		},
		cells() {
			return Array.from({length: rows}, (_, y) => {
				const line = buffer().getLine(y)!;
				return Array.from({length: cols}, (_, x) => {
					const cell = line.getCell(x)!;
					const flags = [
						cell.isBold(),
						cell.isDim(),
						cell.isItalic(),
						cell.isUnderline(),
						cell.isInverse(),
						cell.isStrikethrough(),
					]
						.map(Number)
						.join('');
					return [
						cell.getChars() || ' ',
						cell.getWidth(),
						cell.getFgColorMode(),
						cell.getFgColor(),
						cell.getBgColorMode(),
						cell.getBgColor(),
						flags,
						linkOf(cell),
					].join('|');
				});
			});
		},
		text() {
			return Array.from({length: rows}, (_, y) => buffer().getLine(y)!.translateToString(true));
		},
	};
}
