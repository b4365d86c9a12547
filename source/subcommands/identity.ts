import os from 'node:os';
import {readConfig} from '../config/config.js';
import type {Lang} from '../look/i18n.js';

/** The text trimmed, or undefined when that leaves nothing. */
export function nonEmpty(text: string | undefined): string | undefined {
	const trimmed = text?.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** The name the chat remembered (from its name prompt), if any. */
export async function rememberedName(configFile: string): Promise<string | undefined> {
	const config = await readConfig(configFile);
	return typeof config.name === 'string' ? nonEmpty(config.name) : undefined;
}

/** The userId kept in the config, without creating one. */
export async function rememberedUserId(configFile: string): Promise<string | undefined> {
	const config = await readConfig(configFile);
	return typeof config.userId === 'string' && config.userId ? config.userId : undefined;
}

/** The login name, as the full-screen chat offers it; a fixed one for root or no passwd entry. */
export function loginName(lang: Lang): string {
	try {
		const {username} = os.userInfo();
		if (username && username !== 'root') {
			return username;
		}
	} catch {
		// No passwd entry: fall through.
	}

	return lang === 'zh' ? '终端用户' : 'tui-user';
}
