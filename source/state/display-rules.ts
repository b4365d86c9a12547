/* What any message may look like in the log, whoever sent it. */

/** The most rows one message takes in the log. */
export const maxMessageLines = 20;

/**
 * Whether a user's name could pass for the client's own system notices ("-!- system: …"):
 * "system", "系统", "[系统]", "-!- system:" and the like. Such names are shown in quotes.
 */
export function impersonatesSystem(name: string, systemLabel: string): boolean {
	if (name.includes('-!-')) {
		return true;
	}

	// Spaces, brackets and punctuation, ASCII and full-width: 【】（）«»：！·“”‘’ (escaped, so that
	// the bundle stays ASCII: see code-cache.ts).
	const bare = (text: string) =>
		text
			.toLowerCase()
			.replaceAll(
				/[\s[\]()<>*:!\-_.|~"'\u3010\u3011\uFF08\uFF09\u00AB\u00BB\uFF1A\uFF01\u00B7\u201C\u201D\u2018\u2019]/g,
				'',
			);
	return ['system', '系统', 'sys', bare(systemLabel)].includes(bare(name));
}

/**
 * Whether a name ends in the marker of the user's own lines, " (me)" or " (我)" in either language
 * and with full-width brackets too: "kay (me)" would read exactly like kay's own lines.
 */
export function impersonatesOwn(name: string): boolean {
	const bare = name
		.toLowerCase()
		.replaceAll('\uFF08', '(')
		.replaceAll('\uFF09', ')')
		.replaceAll(/\s/g, '');
	// `(me)`, `(我)`, and the mark of another session of one's account: `(also me)`, `(也是我)`.
	return /\((?:(?:also)?me|(?:\u4E5F\u662F)?\u6211)\)$/.test(bare);
}

/** Whether a name is shown in quotes: it could pass for a system notice or for the own marker. */
export function needsQuotes(name: string, systemLabel: string): boolean {
	return impersonatesSystem(name, systemLabel) || impersonatesOwn(name);
}
