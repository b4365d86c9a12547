import {maxLengthCeiling} from '../protocol/content-limit.js';
import type {Lang} from '../look/i18n.js';

/*
Flags to a validated configuration: pure, so it is tested as a function. A bad value is a
UsageError with a one-line message; the entry prints it and exits with code 2.
*/

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export type {Lang} from '../look/i18n.js';

export function parseServerUrl(raw: string, flag = '--server'): string {
	let url: URL;
	try {
		url = new URL(raw.includes('://') ? raw : `http://${raw}`);
	} catch {
		throw new UsageError(`${flag}: "${raw}" is not a URL (expected e.g. http://localhost:3000)`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UsageError(`${flag}: "${raw}" must start with http:// or https://`);
	}

	if (url.username || url.password) {
		throw new UsageError(`${flag}: credentials in the URL are not supported`);
	}

	return url.href.replace(/\/+$/, '');
}

/** The REST base: `--api` when given, else `<server>/api`. */
export function apiUrlFor(server: string, api?: string): string {
	return api ? parseServerUrl(api, '--api') : `${server}/api`;
}

export function parsePort(raw: unknown, flag = '--port'): number {
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new UsageError(`${flag}: "${String(raw)}" is not a port number (0-65535)`);
	}

	return port;
}

export function parseLang(raw: string | undefined, environment: NodeJS.ProcessEnv): Lang {
	if (raw !== undefined) {
		if (raw !== 'en' && raw !== 'zh') {
			throw new UsageError(`--lang: "${raw}" is not a language (en or zh)`);
		}

		return raw;
	}

	const locale = environment.LC_ALL ?? environment.LC_MESSAGES ?? environment.LANG ?? '';
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `N/S`: at most N messages in any S seconds, per connection. */
export function parseRateLimit(raw: string): {messages: number; perMs: number} {
	const match = /^\s*(\d{1,7})\s*\/\s*(\d{1,5}(?:\.\d+)?)\s*$/.exec(raw);
	const messages = Number(match?.[1]);
	const perMs = Math.round(Number(match?.[2]) * 1000);
	if (!match || messages < 1 || perMs < 1) {
		throw new UsageError(`--rate-limit: "${raw}" is not N/SECONDS, e.g. 20/5`);
	}

	return {messages, perMs};
}

export function parsePositiveInt(raw: unknown, flag: string, max = 1_000_000): number {
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0 || value > max) {
		throw new UsageError(`${flag}: "${String(raw)}" is not a whole number from 0 to ${max}`);
	}

	return value;
}

/** `--max-length N`: the longest line sent, in characters (see protocol/content-limit.ts). */
export function parseMaxLength(raw: string, flag = '--max-length'): number {
	const value = Number(raw);
	if (!/^\s*\d+\s*$/.test(raw) || value < 1 || value > maxLengthCeiling) {
		throw new UsageError(
			`${flag}: "${raw}" is not a whole number of characters from 1 to ${maxLengthCeiling}`,
		);
	}

	return value;
}
