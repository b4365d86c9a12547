import {timeFormats, type TimeFormat} from '../look/display.js';
import {KeyOverrideError, resolveKeyOverrides} from '../keys/overrides.js';
import type {Command} from '../keys/keymap.js';
import {parseServerUrl, UsageError} from '../cli/options.js';
import {maxLengthCeiling} from '../protocol/content-limit.js';

/*
The config file's values, checked: a wrong one is an error naming the file, the line and the key
("config.json:4: "bell" must be true or false, not "yes""), never a crash and never a quiet
default. Pure: the text is only read to find the line.
*/

export type ThemeSetting = 'dark' | 'light' | 'auto';

export const themeSettings: readonly ThemeSetting[] = ['dark', 'light', 'auto'];

export type Config = {
	readonly server?: string;
	readonly name?: string;
	readonly userId?: string;
	readonly theme?: ThemeSetting;
	readonly bell?: boolean;
	/** Web links in messages as terminal hyperlinks (OSC 8). */
	readonly links?: boolean;
	/** Desktop notifications for mentions while the terminal is in the background. */
	readonly notify?: boolean;
	readonly timeFormat?: TimeFormat;
	readonly ascii?: boolean;
	readonly keys?: Partial<Record<Command, string[]>>;
	/** The longest line sent, in characters. */
	readonly maxLength?: number;
};

export const configKeys = [
	'server',
	'name',
	'userId',
	'theme',
	'bell',
	'links',
	'notify',
	'timeFormat',
	'ascii',
	'keys',
	'maxLength',
] as const;

/** An error in one value: the key (and the key inside "keys"), and what is wrong. */
export class ConfigValueError extends Error {
	override readonly name = 'ConfigValueError';
	constructor(
		readonly path: readonly string[],
		message: string,
	) {
		super(message);
	}
}

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

function oneOf<T extends string>(key: string, value: unknown, choices: readonly T[]): T {
	if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
		return value as T;
	}

	const list = choices.map((choice) => `"${choice}"`).join(', ');
	throw new ConfigValueError([key], `"${key}" must be one of ${list}, not ${shown(value)}`);
}

function boolean(key: string, value: unknown): boolean {
	if (typeof value !== 'boolean') {
		throw new ConfigValueError([key], `"${key}" must be true or false, not ${shown(value)}`);
	}

	return value;
}

function text(key: string, value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ConfigValueError([key], `"${key}" must be a non-empty string, not ${shown(value)}`);
	}

	return value;
}

function wholeNumber(key: string, value: unknown, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new ConfigValueError(
			[key],
			`"${key}" must be a whole number from ${min} to ${max}, not ${shown(value)}`,
		);
	}

	return value;
}

/** Every value of the parsed JSON object checked; unknown keys are errors (a typo is not ignored). */
export function checkConfig(json: Record<string, unknown>): Config {
	const config: {-readonly [Key in keyof Config]: Config[Key]} = {};
	for (const [key, value] of Object.entries(json)) {
		switch (key) {
			case 'server': {
				try {
					config.server = parseServerUrl(text(key, value), '"server"');
				} catch (error: unknown) {
					if (error instanceof UsageError) {
						throw new ConfigValueError([key], error.message);
					}

					throw error;
				}

				break;
			}

			case 'name':
			case 'userId': {
				config[key] = text(key, value);
				break;
			}

			case 'theme': {
				config.theme = oneOf(key, value, themeSettings);
				break;
			}

			case 'timeFormat': {
				config.timeFormat = oneOf(key, value, timeFormats);
				break;
			}

			case 'bell':
			case 'links':
			case 'notify':
			case 'ascii': {
				config[key] = boolean(key, value);
				break;
			}

			case 'maxLength': {
				config.maxLength = wholeNumber(key, value, 1, maxLengthCeiling);
				break;
			}

			case 'keys': {
				try {
					config.keys = resolveKeyOverrides(value);
				} catch (error: unknown) {
					if (error instanceof KeyOverrideError) {
						const path = error.command ? ['keys', error.command] : ['keys'];
						throw new ConfigValueError(path, `"keys": ${error.message}`);
					}

					throw error;
				}

				break;
			}

			default: {
				throw new ConfigValueError(
					[key],
					`"${key}" is not a setting (known: ${configKeys.join(', ')})`,
				);
			}
		}
	}

	return config;
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
 * The line of the JSON text where a key (a path of keys, one per level) is written, if it can be
 * found: each key is searched as `"key":` after where the one before it was.
 */
export function lineOfKey(text: string, path: readonly string[]): number | undefined {
	let from = 0;
	for (const key of path) {
		const pattern = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`, 'g');
		pattern.lastIndex = from;
		const match = pattern.exec(text);
		if (!match) {
			return undefined;
		}

		from = match.index;
	}

	return text.slice(0, from).split('\n').length;
}
