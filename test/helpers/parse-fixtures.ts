/**
 * Helpers for the parser tests (test/protocol/parse-*.ts): a fixed clock, results unwrapped,
 * a well-formed message as the server sends it.
 */
import type {ParseResult} from '../../source/protocol/types.js';

export const fixedNow = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
export const now = () => fixedNow;
export const show = (input: unknown) =>
	typeof input === 'number' ? String(input) : (JSON.stringify(input) ?? String(input));

export function value<T>(result: ParseResult<T>): T {
	if (!result.ok) {
		throw new Error(`expected ok, got error: ${result.error}`);
	}

	return result.value;
}

export function error<T>(result: ParseResult<T>): string {
	if (result.ok) {
		throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
	}

	return result.error;
}

export const wireMessage = {
	type: 'text',
	content: 'hello',
	time: '2024-05-01T12:00:00.000Z',
	sender: 'alice',
	senderId: 'u-alice',
};
