import {access} from 'node:fs/promises';
import process from 'node:process';
import type {Writable} from 'node:stream';
import type {Config} from '../config/values.js';
import {describeKey, type Command} from '../keys/keymap.js';
import {textWidth} from '../state/wrap.js';
import type {Setting, Settings} from '../config/settings.js';

/*
`chat-tui config`: the config file's path and every effective setting with where it came from
(flag, env, config, default), so "why is it doing that" has an answer. `--json` for scripts.
*/

type Row = {readonly key: string; readonly value: string; readonly source: string};

const sourceOf = (setting: Setting<unknown>) =>
	setting.detail ? `${setting.source} (${setting.detail})` : setting.source;

function rows(settings: Settings, config: Config): Row[] {
	const row = (key: string, setting: Setting<unknown>, value = String(setting.value)): Row => ({
		key,
		value,
		source: sourceOf(setting),
	});
	const keys = Object.entries(config.keys ?? {}) as Array<[Command, string[]]>;
	return [
		row('server', settings.server),
		row('name', settings.name, settings.name.value ?? '(none: the chat asks)'),
		row('userId', settings.userId, settings.userId.value ?? '(none yet: made on the first run)'),
		row('theme', settings.theme),
		row('color', settings.color, settings.color.value ? 'on' : 'off'),
		row('ascii', settings.ascii),
		row('bell', settings.bell),
		row('links', settings.links),
		row('notify', settings.notify),
		row('timeFormat', settings.timeFormat),
		row('maxLength', settings.maxLength),
		...keys.map(([command, list]) => ({
			key: `keys.${command}`,
			value: list.map((key) => describeKey(key)).join(', '),
			source: 'config',
		})),
	];
}

/** The report as lines of text: the file, then one aligned row per setting. */
export function configReport(
	file: string,
	exists: boolean,
	settings: Settings,
	config: Config,
): string[] {
	const table = rows(settings, config);
	const keyWidth = Math.max(...table.map((entry) => entry.key.length)) + 2;
	const valueWidth = Math.min(40, Math.max(...table.map((entry) => textWidth(entry.value)))) + 2;
	// Padded, never cut: a long value pushes its source along instead.
	const pad = (text: string, width: number) =>
		text + ' '.repeat(Math.max(2, width - textWidth(text)));
	return [
		`config file: ${file}${exists ? '' : ' (not created yet)'}`,
		'',
		...table.map((entry) =>
			`${pad(entry.key, keyWidth)}${pad(entry.value, valueWidth)}${entry.source}`.trimEnd(),
		),
	];
}

export function configJson(file: string, exists: boolean, settings: Settings, config: Config) {
	const values = Object.fromEntries(
		Object.entries(settings).map(([key, setting]: [string, Setting<unknown>]) => [
			key,
			{
				value: setting.value ?? null,
				source: setting.source,
				...(setting.detail ? {detail: setting.detail} : {}),
			},
		]),
	);
	return {file, exists, settings: values, keys: config.keys ?? {}};
}

export async function runConfig(options: {
	readonly file: string;
	readonly settings: Settings;
	readonly config: Config;
	readonly json?: boolean;
	readonly output?: Writable;
}): Promise<void> {
	const output = options.output ?? process.stdout;
	let exists = true;
	try {
		await access(options.file);
	} catch {
		exists = false;
	}

	const text = options.json
		? JSON.stringify(configJson(options.file, exists, options.settings, options.config))
		: configReport(options.file, exists, options.settings, options.config).join('\n');
	output.write(`${text}\n`);
}
