import {glyphsFor, type Glyphs} from './glyphs.js';
import {darkTheme, themeFor, type Theme, type ThemeName} from './theme.js';

/*
How the chat draws, chosen once at start from the settings: the theme (colours, or none), the
glyphs (Unicode or ASCII), the time format, and whether web links are terminal hyperlinks. Components read it from context
(components/display-context.ts); the pure log formatting gets it as an argument.
*/

export type TimeFormat = 'HH:MM' | 'HH:MM:SS';

export const timeFormats: readonly TimeFormat[] = ['HH:MM', 'HH:MM:SS'];

export type Display = {
	readonly theme: Theme;
	readonly glyphs: Glyphs;
	readonly timeFormat: TimeFormat;
	/** Web links in messages as terminal hyperlinks (OSC 8); default off. */
	readonly links?: boolean;
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
	readonly links?: boolean;
}): Display {
	return {
		theme: themeFor(options.theme, options.color),
		glyphs: glyphsFor(options.ascii),
		timeFormat: options.timeFormat,
		links: options.links ?? false,
	};
}
