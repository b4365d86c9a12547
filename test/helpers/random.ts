/** A small seeded PRNG (mulberry32), so property tests are reproducible: a failure names its seed. */
export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, max). */
	int(max: number): number;
	pick<T>(items: readonly T[]): T;
	shuffle<T>(items: readonly T[]): T[];
};

/* eslint-disable no-bitwise */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};

	const int = (max: number) => Math.floor(next() * max);
	return {
		next,
		int,
		pick: (items) => items[int(items.length)]!,
		shuffle(items) {
			const result = [...items];
			for (let index = result.length - 1; index > 0; index--) {
				const other = int(index + 1);
				[result[index], result[other]] = [result[other]!, result[index]!];
			}

			return result;
		},
	};
}
/* eslint-enable no-bitwise */
