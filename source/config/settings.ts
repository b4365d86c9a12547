import type {TimeFormat} from '../look/display.js';
import {localeIsUtf8} from '../look/glyphs.js';
import {parseMaxLength, UsageError} from '../cli/options.js';
import {defaultMaxLength} from '../protocol/content-limit.js';
import {colorEnabled, themeFromColorFgBg, type ThemeName} from '../look/theme.js';
import type {Config, ThemeSetting} from './values.js';

/*
Where each setting comes from, in one pure function: a flag wins over the environment
(CHAT_TUI_SERVER, CHAT_TUI_NAME), which wins over the config file, which wins over the default.
The chat, line mode and the one-shot commands all take their settings from here, and
`chat-tui config` prints them with their sources.
*/

export type Source = 'flag' | 'env' | 'config' | 'default';

export type Setting<T> = {readonly value: T; readonly source: Source; readonly detail?: string};

export type SettingFlags = {
	readonly server?: string;
	readonly name?: string;
	readonly userId?: string;
	readonly theme?: string;
	readonly ascii?: boolean;
	readonly maxLength?: string;
	/** `--links` / `--no-links`. */
	readonly links?: boolean;
};

export type Settings = {
	readonly server: Setting<string>;
	/** Undefined: none given; the chat asks (offering the login name), line mode takes it. */
	readonly name: Setting<string | undefined>;
	/** Undefined: none kept yet; one is made and saved in the config. */
	readonly userId: Setting<string | undefined>;
	/** The theme drawn with: `auto` is resolved from COLORFGBG here (detail says so). */
	readonly theme: Setting<ThemeName>;
	/** Colour at all: off under NO_COLOR. */
	readonly color: Setting<boolean>;
	readonly ascii: Setting<boolean>;
	readonly bell: Setting<boolean>;
	/** Web links as terminal hyperlinks: off by default where the terminal cannot show them. */
	readonly links: Setting<boolean>;
	/** Desktop notifications for mentions while the terminal is in the background. */
	readonly notify: Setting<boolean>;
	readonly timeFormat: Setting<TimeFormat>;
	/** The longest line sent, in characters: longer ones are refused before they go out. */
	readonly maxLength: Setting<number>;
};

export const defaultServer = 'http://localhost:3000';

/** Terminals that show an OSC 8 link's text but cannot open it (or print its bytes). */
const linklessTerminals = new Set(['dumb', 'linux']);

function linksDefault(environment: NodeJS.ProcessEnv): Setting<boolean> {
	const term = environment.TERM?.trim() ?? '';
	return linklessTerminals.has(term)
		? {value: false, source: 'default', detail: `TERM=${term}`}
		: {value: true, source: 'default'};
}

/** A value that counts as given: not undefined, and not blank for a string. */
const given = <T>(value: T | undefined): value is T =>
	value !== undefined && (typeof value !== 'string' || value.trim() !== '');

/** The first given value, in order: flag, environment, config; else the default. */
function pick<T>(
	candidates: ReadonlyArray<readonly [Source, T | undefined]>,
	fallback: Setting<T>,
): Setting<T> {
	for (const [source, value] of candidates) {
		if (given(value)) {
			return {value, source};
		}
	}

	return fallback;
}

export function parseThemeFlag(raw: string | undefined): ThemeSetting | undefined {
	if (raw === undefined) {
		return undefined;
	}

	if (raw !== 'dark' && raw !== 'light' && raw !== 'auto') {
		throw new UsageError(`--theme: "${raw}" is not a theme (dark, light or auto)`);
	}

	return raw;
}

function resolveTheme(setting: Setting<ThemeSetting>, environment: NodeJS.ProcessEnv) {
	if (setting.value !== 'auto') {
		return setting as Setting<ThemeName>;
	}

	const detected = themeFromColorFgBg(environment.COLORFGBG);
	const detail =
		detected === undefined
			? 'auto: COLORFGBG not set, dark'
			: `auto: COLORFGBG=${environment.COLORFGBG}`;
	return {value: detected ?? 'dark', source: setting.source, detail};
}

export function resolveSettings(options: {
	readonly flags: SettingFlags;
	readonly env: NodeJS.ProcessEnv;
	readonly config: Config;
}): Settings {
	const {flags, env, config} = options;
	const themeSetting = pick<ThemeSetting>(
		[
			['flag', parseThemeFlag(flags.theme)],
			['config', config.theme],
		],
		{value: 'dark', source: 'default'},
	);
	const utf8 = localeIsUtf8(env);
	return {
		server: pick(
			[
				['flag', flags.server],
				['env', env.CHAT_TUI_SERVER],
				['config', config.server],
			],
			{value: defaultServer, source: 'default'},
		),
		name: pick<string | undefined>(
			[
				['flag', flags.name?.trim()],
				['env', env.CHAT_TUI_NAME?.trim()],
				['config', config.name?.trim()],
			],
			{value: undefined, source: 'default'},
		),
		userId: pick<string | undefined>(
			[
				['flag', flags.userId],
				['config', config.userId],
			],
			{value: undefined, source: 'default'},
		),
		theme: resolveTheme(themeSetting, env),
		color: colorEnabled(env)
			? {value: true, source: 'default'}
			: {value: false, source: 'env', detail: 'NO_COLOR'},
		ascii: pick(
			[
				['flag', flags.ascii],
				['config', config.ascii],
			],
			{value: !utf8, source: 'default', detail: utf8 ? 'UTF-8 locale' : 'locale not UTF-8'},
		),
		bell: pick([['config', config.bell]], {value: true, source: 'default'}),
		links: pick(
			[
				['flag', flags.links],
				['config', config.links],
			],
			linksDefault(env),
		),
		notify: pick([['config', config.notify]], {value: true, source: 'default'}),
		timeFormat: pick<TimeFormat>([['config', config.timeFormat]], {
			value: 'HH:MM',
			source: 'default',
		}),
		maxLength: pick<number>(
			[
				['flag', flags.maxLength === undefined ? undefined : parseMaxLength(flags.maxLength)],
				['config', config.maxLength],
			],
			{value: defaultMaxLength, source: 'default', detail: "the reference server's"},
		),
	};
}
