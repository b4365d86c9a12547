import {fill, labelsFor, type Lang} from '../look/i18n.js';
import type {PresenceWords} from './presence.js';

/** The join, leave and rename notices in a language (`serve --lang zh`: "张伟 加入了聊天室"). */
export function presenceWordsFor(lang: Lang): PresenceWords {
	const labels = labelsFor(lang);
	return {
		joined: (name) => fill(labels.joined, {name}),
		left: (name) => fill(labels.left, {name}),
		renamed: (from, to) => fill(labels.renamed, {from, to}),
	};
}
