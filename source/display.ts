import {glyphsFor, type Glyphs} from './glyphs.js';
import {darkTheme, themeFor, type Theme, type ThemeName} from './theme.js';

/*
How the chat draws, chosen once at start from the settings: the theme (colours, or none), the
glyphs (Unicode or ASCII) and the time format. Components read it from context
(components/display-context.ts); the pure log formatting gets it as an argument.
*/

export type TimeFormat = 'HH:MM' | 'HH:MM:SS';

export const timeFormats: readonly TimeFormat[] = ['HH:MM', 'HH:MM:SS'];

export type Display = {
	readonly theme: Theme;
	readonly glyphs: Glyphs;
	readonly timeFormat: TimeFormat;
};

export const defaultDisplay: Display = {
	theme: darkTheme,
	glyphs: glyphsFor(false),
	timeFormat: 'HH:MM',
};

export function displayFor(options: {
	readonly theme: ThemeName;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly timeFormat: TimeFormat;
}): Display {
	return {
		theme: themeFor(options.theme, options.color),
		glyphs: glyphsFor(options.ascii),
		timeFormat: options.timeFormat,
	};
}
