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

	const bare = (text: string) =>
		text.toLowerCase().replaceAll(/[\s[\]【】()（）<>«»*:：!！\-_.·|~"'“”‘’]/g, '');
	return ['system', '系统', 'sys', bare(systemLabel)].includes(bare(name));
}
