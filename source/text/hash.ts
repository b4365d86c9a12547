/* eslint-disable no-bitwise */

/**
 * FNV-1a (32 bits) over the text's code units (a code point where a pair starts), from `seed`:
 * a short, stable, non-secret hash, the same in every run and on every machine.
 */
export function fnv1a(text: string, seed = 0x81_1c_9d_c5): number {
	let hash = seed;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.codePointAt(index)!;
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return hash >>> 0;
}

/* eslint-enable no-bitwise */
