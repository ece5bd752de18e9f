/**
 * A small seeded pseudo-random generator (mulberry32), so the same seed gives the same demo
 * network on every machine: no Math.random() anywhere in the demo generator.
 */
export interface Random {
	/** A number in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** k distinct items in random order (fewer if the list is shorter). */
	sample<T>(items: readonly T[], k: number): T[];
	weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)]!,
		sample(items, k) {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j]!, copy[i]!];
			}
			return copy.slice(0, k);
		},
		weighted(items) {
			const total = items.reduce((s, [, w]) => s + w, 0);
			let r = next() * total;
			for (const [item, w] of items) {
				r -= w;
				if (r < 0) return item;
			}
			return items[items.length - 1]![0];
		}
	};
}
