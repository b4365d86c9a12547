/*
The grapheme clusters terminals measure differently, and what this terminal was found to do with
them (source/render/probe.ts asks it at start-up). Unicode, and string-width with it, gives each
of these one cluster two cells wide; many terminals do not:
- an emoji with a skin-tone modifier (👍🏽): tmux 3.3a draws the modifier as a wide character of
  its own, four cells in all;
- a ZWJ sequence (👩‍💻): two cells, or each emoji on its own (four), or the joiner counted too;
- a flag (🇫🇷, two regional indicators): two cells, or four;
- VS16 after a symbol that is text by default (❤️): two cells, or one.
Each kind has a probe; the cells the terminal moved for it are its width here, and every cluster
of that kind is measured by the same rule. A kind not learned is measured by the widest of the
rules (nothing drawn can then spill into the next pane) and called disputed: the renderer writes
a row holding one in full, placing each cell by its own address (source/render/frame-diff.ts).
*/

export type ClusterKind = 'modifier' | 'zwj' | 'flag' | 'vs16';

export const clusterKinds: readonly ClusterKind[] = ['modifier', 'zwj', 'flag', 'vs16'];

/** One cluster of each kind, and a CJK character as a check that the terminal measures at all. */
export const probes: Readonly<Record<ClusterKind | 'cjk', string>> = {
	modifier: '\u{1F44D}\u{1F3FD}',
	zwj: '\u{1F469}\u200D\u{1F4BB}',
	flag: '\u{1F1EB}\u{1F1F7}',
	vs16: '\u2764\uFE0F',
	cjk: '\u4E2D',
};

/** Each probe's width as Unicode says (and string-width measures). */
const unicodeProbeWidth = 2;

/** The probe widths found in this terminal; a kind left out was not learned. */
export type LearnedWidths = Partial<Record<ClusterKind, number>>;

/** What a terminal that measures as Unicode says does (mode 2027 on). */
export const unicodeWidths: Required<LearnedWidths> = {modifier: 2, zwj: 2, flag: 2, vs16: 2};

// Until the full-screen UI asks its terminal (line mode and the commands never do): as Unicode says.
let learned: LearnedWidths = {...unicodeWidths};
let agrees = true;

/** Measure from now on as this terminal does. */
export function learnWidths(widths: LearnedWidths): void {
	learned = {...widths};
	agrees = clusterKinds.every((kind) => learned[kind] === unicodeProbeWidth);
}

export function learnedWidths(): LearnedWidths {
	return learned;
}

/** Whether every kind was learned and this terminal measures all of them as Unicode does. */
export const measuresAsUnicode = () => agrees;

const modifiers = /[\u{1F3FB}-\u{1F3FF}]/gu;
const flag = /^[\u{1F1E6}-\u{1F1FF}]{2}$/u;
const pictographic = /\p{Extended_Pictographic}/u;
// Keycaps (#️⃣) and tag sequences (🏴󠁧󠁢󠁳󠁣󠁴󠁿): disputed too, with no probe of their own.
const unprobed = /[\u20E3\u{E0020}-\u{E007F}]/u;

/**
 * The kind of a cluster of more than one code point, 'other' for a disputed one without a probe,
 * or undefined for one all terminals measure alike (a letter with combining marks, say).
 */
export function clusterKind(cluster: string): ClusterKind | 'other' | undefined {
	if (unprobed.test(cluster)) {
		return 'other';
	}

	if (cluster.includes('\u200D') && pictographic.test(cluster)) {
		return 'zwj';
	}

	if (cluster.search(modifiers) > 0) {
		return 'modifier';
	}

	if (flag.test(cluster)) {
		return 'flag';
	}

	return cluster.includes('\uFE0F') ? 'vs16' : undefined;
}

/** Whether the terminal may draw this cluster wider or narrower than it is measured here. */
export function isDisputed(cluster: string): boolean {
	const kind = clusterKind(cluster);
	return kind === 'other' || (kind !== undefined && learned[kind] === undefined);
}

/** The widest of the rules, for a kind not learned. */
const widest: Required<LearnedWidths> = {modifier: 4, zwj: 5, flag: 4, vs16: 2};

/**
 * The cells this terminal gives a cluster, or undefined where it measures as Unicode says.
 * `unicode` is string-width's measure.
 */
export function terminalWidth(
	cluster: string,
	unicode: (text: string) => number,
): number | undefined {
	if (agrees) {
		return undefined;
	}

	const kind = clusterKind(cluster);
	if (kind === undefined || kind === 'other') {
		return undefined;
	}

	const probeWidth = learned[kind] ?? widest[kind];
	if (probeWidth === unicodeProbeWidth) {
		return undefined;
	}

	switch (kind) {
		case 'zwj': {
			// Each part on its own, and the joiners: the probe's two parts take four cells.
			const parts = cluster.split('\u200D');
			const joiner = Math.max(0, probeWidth - 4);
			return parts.reduce(
				(sum, part) => sum + (part === '' ? 0 : (terminalWidth(part, unicode) ?? unicode(part))),
				joiner * (parts.length - 1),
			);
		}

		case 'modifier': {
			const count = cluster.match(modifiers)?.length ?? 0;
			return unicode(cluster.replaceAll(modifiers, '')) + (probeWidth - 2) * count;
		}

		case 'flag': {
			return probeWidth;
		}

		case 'vs16': {
			// VS16 ignored: the symbol as it is by default.
			return probeWidth < 2 ? unicode(cluster.replaceAll('\uFE0F', '')) : undefined;
		}
	}
}
