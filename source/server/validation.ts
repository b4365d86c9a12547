/**
 * Checks on what clients send. Every error message names the rule, never the input.
 */
import type {WireUser} from '../protocol/types.js';

export const maxContentLength = 2000;
export const maxUsernameLength = 64;
export const maxUserIdLength = 128;

export type Checked<T> = {ok: true; value: T} | {ok: false; error: string};

export const contentError = `content must be a string of 1-${maxContentLength} characters`;
export const usernameError = `username must be a string of 1-${maxUsernameLength} characters`;
export const userIdError = `userId must be a string of 1-${maxUserIdLength} characters`;
export const typeError = 'type must be "text"';

/** Characters as a person counts them (code points), without spreading a huge string. */
function isWithinLength(text: string, max: number): boolean {
	if (text.length <= max) {
		return true;
	}

	// A code point takes at most two UTF-16 units.
	if (text.length > max * 2) {
		return false;
	}

	let count = 0;
	for (const _ of text) {
		count++;
		if (count > max) {
			return false;
		}
	}

	return true;
}

function isBoundedText(value: unknown, max: number): value is string {
	return typeof value === 'string' && value.trim() !== '' && isWithinLength(value, max);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkContent(value: unknown): Checked<string> {
	return isBoundedText(value, maxContentLength)
		? {ok: true, value}
		: {ok: false, error: contentError};
}

export function checkUser(payload: unknown): Checked<WireUser> {
	if (!isRecord(payload)) {
		return {ok: false, error: 'expected an object with userId and username'};
	}

	const {userId, username} = payload;
	if (!isBoundedText(userId, maxUserIdLength)) {
		return {ok: false, error: userIdError};
	}

	if (!isBoundedText(username, maxUsernameLength)) {
		return {ok: false, error: usernameError};
	}

	return {ok: true, value: {userId, username}};
}

/** `{content, type: 'text'}`; a missing type is taken as text, any other type is refused. */
export function checkTextPayload(payload: unknown): Checked<string> {
	if (!isRecord(payload)) {
		return {ok: false, error: contentError};
	}

	if (payload.type !== undefined && payload.type !== 'text') {
		return {ok: false, error: typeError};
	}

	return checkContent(payload.content);
}
