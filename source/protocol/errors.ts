import type {SafeText} from './types.js';

export type ChatErrorKind = 'unreachable' | 'timeout' | 'http' | 'bad-payload' | 'tls';

/** Every failure of a REST call: one of a few kinds, with a message fit to show a person. */
export class ChatApiError extends Error {
	override readonly name = 'ChatApiError';

	constructor(
		readonly kind: ChatErrorKind,
		message: string,
		readonly status?: number,
		readonly serverText?: SafeText,
	) {
		super(message);
	}
}

const tlsCodes = new Set([
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_UNTRUSTED',
	'EPROTO',
]);

function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
		const {code} = current as {code?: unknown};
		if (typeof code === 'string') {
			return code;
		}

		current = current.cause;
	}

	return undefined;
}

/** Turn whatever a network call threw into a ChatApiError naming the URL. */
export function toChatApiError(error: unknown, url: string, deadlineMs: number): ChatApiError {
	if (error instanceof ChatApiError) {
		return error;
	}

	const name = error instanceof Error ? error.name : '';
	if (name === 'TimeoutError' || name === 'AbortError') {
		return new ChatApiError('timeout', `${url} did not answer within ${deadlineMs / 1000} s`);
	}

	const code = errorCode(error);
	if (code === 'UND_ERR_CONNECT_TIMEOUT') {
		return new ChatApiError('timeout', `cannot connect to ${url}: connection timed out`);
	}

	if (code !== undefined && tlsCodes.has(code)) {
		return new ChatApiError(
			'tls',
			`TLS error talking to ${url}: ${code} (trust the certificate with NODE_EXTRA_CA_CERTS, or pass --insecure)`,
		);
	}

	const message = error instanceof Error ? error.message : String(error);
	// Node's codes say it (ECONNREFUSED, ENOTFOUND); undici's own less than its words do.
	const reason = code === undefined || code.startsWith('UND_ERR') ? message : code;
	return new ChatApiError('unreachable', `cannot reach ${url}: ${reason}`);
}
