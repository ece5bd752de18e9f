import { PNG } from 'pngjs';
import type { Random } from './random';

/**
 * A pleasant abstract picture for a demo profile, drawn in code (no external files): a soft
 * two-colour gradient with a few translucent circles, as a PNG the upload path re-encodes.
 */
const PALETTES: [number, number, number][][] = [
	[
		[244, 162, 97],
		[42, 157, 143],
		[233, 196, 106]
	],
	[
		[38, 70, 83],
		[231, 111, 81],
		[244, 241, 222]
	],
	[
		[131, 56, 236],
		[58, 134, 255],
		[255, 190, 11]
	],
	[
		[0, 109, 119],
		[131, 197, 190],
		[255, 221, 210]
	],
	[
		[188, 71, 73],
		[242, 232, 207],
		[106, 153, 78]
	],
	[
		[61, 64, 91],
		[224, 122, 95],
		[129, 178, 154]
	]
];

export function demoProfileImage(random: Random, size = 360): Uint8Array {
	const [a, b, c] = random.pick(PALETTES);
	const png = new PNG({ width: size, height: size });
	const circles = Array.from({ length: random.int(3, 6) }, () => ({
		x: random.int(0, size),
		y: random.int(0, size),
		r: random.int(size / 8, size / 2.5),
		colour: random.pick([a!, b!, c!]),
		alpha: 0.25 + random.next() * 0.35
	}));
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const t = (x + y) / (2 * size);
			let px = [0, 1, 2].map((i) => a![i]! * (1 - t) + b![i]! * t);
			for (const k of circles) {
				const dx = x - k.x;
				const dy = y - k.y;
				if (dx * dx + dy * dy < k.r * k.r) px = px.map((v, i) => v * (1 - k.alpha) + k.colour[i]! * k.alpha);
			}
			const o = (y * size + x) * 4;
			png.data[o] = Math.round(px[0]!);
			png.data[o + 1] = Math.round(px[1]!);
			png.data[o + 2] = Math.round(px[2]!);
			png.data[o + 3] = 255;
		}
	}
	return new Uint8Array(PNG.sync.write(png));
}
