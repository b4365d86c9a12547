import {Box, Text} from 'ink';
import {type Labels, type Lang} from '../look/i18n.js';
import {padEnd, truncate} from '../state/wrap.js';
import {helpLines, keysColumn} from './help-lines.js';
import {useDisplay} from './display-context.js';

export type HelpOverlayProps = {
	readonly width: number;
	readonly height: number;
	/** Lines scrolled past at the top. */
	readonly scroll: number;
	readonly labels: Labels;
	readonly lang?: Lang;
};

/** The text in English, for its length: every language has the same lines. */
const lines = helpLines();

/** Rows of help text a box of `height` shows: the border and the title take three. */
export const helpRows = (height: number) => Math.max(1, height - 3);

/** How far the help can scroll in a box of `height`. */
export const helpMaxScroll = (height: number) => Math.max(0, lines.length - helpRows(height));

/** Every key and command, read from the binding table; scrolls when it does not fit. */
export function HelpOverlay({width, height, scroll, labels, lang = 'en'}: HelpOverlayProps) {
	const {theme, glyphs} = useDisplay();
	const {ellipsis} = glyphs;
	const rows = helpRows(height);
	const inner = Math.max(1, width - 4);
	const from = Math.min(scroll, helpMaxScroll(height));
	const all = helpLines(labels.commands, glyphs.ascii, lang);
	// The keys column is measured now: the config may have bound longer keys.
	const column = keysColumn(all);
	const shown = all.slice(from, from + rows);
	const more = from + rows < lines.length;
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle={glyphs.box}
			paddingX={1}
			overflow="hidden"
		>
			<Text wrap="truncate-end" {...theme.panelTitle}>
				{truncate(`${labels.helpTitle}${more ? glyphs.text(' ↓') : ''}`, inner, ellipsis)}
			</Text>
			{shown.map((line, index) => {
				const key = from + index;
				switch (line.kind) {
					case 'title': {
						return (
							<Text key={key} wrap="truncate-end" {...theme.infoMarker}>
								{truncate(line.text, inner, ellipsis)}
							</Text>
						);
					}

					case 'entry': {
						return (
							<Text key={key} wrap="truncate-end">
								<Text {...theme.prompt}>
									{padEnd(truncate(line.keys, column - 1, ellipsis), column)}
								</Text>
								{truncate(line.text, Math.max(1, inner - column), ellipsis)}
							</Text>
						);
					}

					case 'blank': {
						return <Text key={key}> </Text>;
					}
				}

				return null;
			})}
		</Box>
	);
}
