/**
 * Checks on what clients send. Every error message names the rule, never the input.
 * What passes comes out cleaned by the client's own sanitizer (source/protocol/sanitize.ts): no
 * escape sequences, C0/C1 controls but newline and tab, DEL, bidi controls or zero-width
 * characters reach the store or another client. Text that is blank once cleaned is refused.
 */
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import type {WireUser} from '../protocol/types.js';

export const maxContentLength = 2000;
export const maxUsernameLength = 64;
export const maxUserIdLength = 128;

export type Checked<T> =
	| {ok: true; value: T}
	| {
			ok: false;
			error: string;
			/** The text was over its length limit (rather than missing, blank or not a string). */
			tooLong?: boolean;
	  };

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

type Bounded = {text: string} | {error: 'missing' | 'too long'};

/** Cleaned one-line (names) or multi-line (content) text within `max` characters, not blank. */
function boundedText(value: unknown, max: number, multiline: boolean): Bounded {
	if (typeof value !== 'string') {
		return {error: 'missing'};
	}

	if (!isWithinLength(value, max)) {
		return {error: 'too long'};
	}

	const text = multiline ? sanitize(value, {multiline, keepTabs: true}).text : sanitizeText(value);
	return text.trim() === '' ? {error: 'missing'} : {text};
}

function checked(bounded: Bounded, error: string): Checked<string> {
	return 'text' in bounded
		? {ok: true, value: bounded.text}
		: {ok: false, error, tooLong: bounded.error === 'too long'};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkContent(value: unknown): Checked<string> {
	return checked(boundedText(value, maxContentLength, true), contentError);
}

export function checkUser(payload: unknown): Checked<WireUser> {
	if (!isRecord(payload)) {
		return {ok: false, error: 'expected an object with userId and username'};
	}

	const userId = checked(boundedText(payload.userId, maxUserIdLength, false), userIdError);
	if (!userId.ok) {
		return userId;
	}

	const username = checked(boundedText(payload.username, maxUsernameLength, false), usernameError);
	if (!username.ok) {
		return username;
	}

	return {ok: true, value: {userId: userId.value, username: username.value}};
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
