/*
socket.io's words for a failed or lost connection ("xhr poll error", "websocket error",
"transport close") in plain ones. The one place they are translated: the screen, line mode, the
bot and the SDK all show what the socket client reports.
*/

const codes: Record<string, string> = {
	ECONNREFUSED: 'connection refused (is the server running?)',
	ECONNRESET: 'the connection was reset',
	ENOTFOUND: 'no such host',
	EAI_AGAIN: 'the host name could not be looked up',
	ETIMEDOUT: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed (--insecure to accept it)',
	SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted (see NODE_EXTRA_CA_CERTS)',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted (see NODE_EXTRA_CA_CERTS)',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

const disconnects: Record<string, string> = {
	'transport close': 'the connection closed',
	'transport error': 'the connection failed',
	'ping timeout': 'the server stopped answering',
	'io server disconnect': 'the server closed the connection',
	'parse error': 'the server sent something unreadable',
};

const unreachable = 'cannot reach the server';

/** The code of an error or of one it wraps (`connect ECONNREFUSED 127.0.0.1:9`). */
function codeOf(value: unknown): string | undefined {
	let current = value;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const {code, message, cause} = current as {code?: unknown; message?: unknown; cause?: unknown};
		if (typeof code === 'string') {
			return code;
		}

		const inMessage =
			typeof message === 'string' ? /\b(E[A-Z]{3,}|[A-Z_]{6,})\b/.exec(message) : null;
		if (inMessage?.[1] && inMessage[1] in codes) {
			return inMessage[1];
		}

		current = cause;
	}

	return undefined;
}

/** A `connect_error` from socket.io, as a person would say it. */
export function describeConnectError(error: Error & {description?: unknown}): string {
	const {message, description} = error;
	if (message === 'timeout') {
		return 'the server did not answer in time';
	}

	if (message === 'xhr poll error' || message === 'websocket error') {
		// Long-polling reports an HTTP status (0: no answer at all); WebSocket the socket's error.
		if (typeof description === 'number' && description > 0) {
			return `the server answered HTTP ${description} (is it a chat server?)`;
		}

		const code = codeOf(description);
		return code && code in codes ? `${unreachable}: ${codes[code]}` : unreachable;
	}

	const code = codeOf(error);
	return code && code in codes ? `${unreachable}: ${codes[code]}` : message || unreachable;
}

/** A `disconnect` reason from socket.io, as a person would say it. */
export const describeDisconnect = (reason: string): string => disconnects[reason] ?? reason;
