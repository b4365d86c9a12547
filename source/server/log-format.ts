/** Helpers to put untrusted names into log lines without letting them steer the terminal. */

const unsafeCharacters =
	/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const maxLoggedLength = 64;

/** Quotes a name for a log line: control and bidi characters escaped, long names cut. */
export function quoteForLog(text: string): string {
	const cut = text.length > maxLoggedLength ? `${text.slice(0, maxLoggedLength)}…` : text;
	const escaped = cut
		.replaceAll('\\', '\\\\')
		.replaceAll('"', String.raw`\"`)
		.replaceAll(
			unsafeCharacters,
			(character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`,
		);
	return `"${escaped}"`;
}

export function describeUser(user: {userId: string; username: string}): string {
	return `user=${quoteForLog(user.username)} userId=${quoteForLog(user.userId)}`;
}

export function describeError(error: unknown): string {
	if (error instanceof Error) {
		const {code} = error as NodeJS.ErrnoException;
		return code ? `${code}: ${error.message}` : error.message;
	}

	return String(error);
}
