import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noiseJpeg } from '../../../../tests/support/noise-jpeg';
import { IMAGE_MAX_BYTES, sanitizeImage, sniffImageType } from './image';

/** A real JPEG with an EXIF APP1 segment (orientation and a GPS-like marker text) after SOI. */
function jpegWithExif(width = 4, height = 2, orientation = 1): Buffer {
	const data = Buffer.alloc(width * height * 4, 200);
	const plain = jpeg.encode({ data, width, height }, 90).data;
	const marker = Buffer.from('GPS-SECRET-52.52N-13.40E');
	// TIFF header (big endian), IFD0 with one entry: Orientation (0x0112, SHORT, 1).
	const tiff = Buffer.alloc(8 + 2 + 12 + 4);
	tiff.write('MM', 0, 'latin1');
	tiff.writeUInt16BE(42, 2);
	tiff.writeUInt32BE(8, 4);
	tiff.writeUInt16BE(1, 8);
	tiff.writeUInt16BE(0x0112, 10);
	tiff.writeUInt16BE(3, 12);
	tiff.writeUInt32BE(1, 14);
	tiff.writeUInt16BE(orientation, 18);
	const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, marker]);
	const app1 = Buffer.alloc(4);
	app1.writeUInt16BE(0xffe1, 0);
	app1.writeUInt16BE(payload.length + 2, 2);
	return Buffer.concat([plain.subarray(0, 2), app1, payload, plain.subarray(2)]);
}

/** A phone-sized photo of noise whose EXIF names the phone (which the sanitizer must strip). */
function noisePhoto(width: number, height: number): Promise<Buffer> {
	return noiseJpeg(width, height)
		.withExifMerge({ IFD0: { Make: 'Phone', Model: 'GPS-SECRET' } })
		.toBuffer();
}

/** CRC-32 as PNG chunks use it (ISO 3309), for crafting a header in a test. */
function crc32(data: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of data) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
	}
	return (c ^ 0xffffffff) >>> 0;
}

describe('profile images', () => {
	it('strips EXIF from a JPEG by re-encoding it', async () => {
		const input = jpegWithExif();
		expect(input.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
		expect(input.includes(Buffer.from('GPS-SECRET'))).toBe(true);
		const out = await sanitizeImage(input);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(out.mime).toBe('image/jpeg');
		expect(out.bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
		expect(out.bytes.includes(Buffer.from('GPS-SECRET'))).toBe(false);
		// No APP1 marker anywhere before the image data.
		expect(out.bytes.indexOf(Buffer.from([0xff, 0xe1]))).toBe(-1);
		expect(sniffImageType(out.bytes)).toBe('image/jpeg');
		expect(jpeg.decode(out.bytes, { useTArray: true }).width).toBe(4);
	});

	it('applies the EXIF orientation to the pixels before dropping it', async () => {
		const out = await sanitizeImage(jpegWithExif(4, 2, 6));
		expect(out.ok && [out.width, out.height]).toEqual([2, 4]);
	});

	it('re-encodes a PNG without its text chunks', async () => {
		const png = new PNG({ width: 3, height: 3 });
		png.data.fill(128);
		const plain = PNG.sync.write(png);
		// Insert a tEXt chunk after IHDR (8 + 25 bytes): keyword "Comment", a secret text.
		const text = Buffer.from('Comment\0secret-location');
		const chunk = Buffer.alloc(12 + text.length);
		chunk.writeUInt32BE(text.length, 0);
		chunk.write('tEXt', 4, 'latin1');
		text.copy(chunk, 8);
		const input = Buffer.concat([plain.subarray(0, 33), chunk, plain.subarray(33)]);
		expect(input.includes(Buffer.from('secret-location'))).toBe(true);
		const out = await sanitizeImage(input);
		expect(out.ok && out.mime).toBe('image/png');
		if (out.ok) expect(out.bytes.includes(Buffer.from('secret-location'))).toBe(false);
	});

	it('accepts WebP and AVIF (stored as JPEG, or PNG when transparent)', async () => {
		const base = sharp({ create: { width: 40, height: 20, channels: 3, background: '#36c' } });
		const webp = await base.clone().webp().toBuffer();
		expect(sniffImageType(webp)).toBe('image/webp');
		expect(await sanitizeImage(webp)).toMatchObject({ ok: true, mime: 'image/jpeg', width: 40, height: 20 });
		const avif = await base.clone().avif().toBuffer();
		expect(sniffImageType(avif)).toBe('image/avif');
		expect(await sanitizeImage(avif)).toMatchObject({ ok: true, mime: 'image/jpeg', width: 40, height: 20 });
		const clear = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0000' } })
			.webp({ lossless: true })
			.toBuffer();
		expect(await sanitizeImage(clear)).toMatchObject({ ok: true, mime: 'image/png' });
	});

	it('says so for an iPhone HEIC photo, which this build cannot decode', async () => {
		// The first bytes of a HEIC file: an ftyp box with the 'heic' brand, as iPhones write it.
		const heic = Buffer.concat([
			Buffer.from([0, 0, 0, 0x18]),
			Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
			Buffer.alloc(64)
		]);
		expect(sniffImageType(heic)).toBe('image/heic');
		expect(await sanitizeImage(heic)).toEqual({ ok: false, reason: 'heic' });
	});

	it.each([
		['a text file', Buffer.from('hello, this is not an image'), 'type'],
		['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'type'],
		['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'type'],
		['an empty upload', Buffer.alloc(0), 'empty'],
		['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), 'corrupt'],
		[
			'a JPEG header on random bytes',
			Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5000, 7)]),
			'corrupt'
		]
	])('refuses %s', async (_name, bytes, reason) => {
		expect(await sanitizeImage(bytes)).toEqual({ ok: false, reason });
	});

	it('refuses a decompression bomb by its header, before decoding', async () => {
		const png = new PNG({ width: 1, height: 1 });
		const bytes = Buffer.from(PNG.sync.write(png));
		bytes.writeUInt32BE(60000, 16);
		bytes.writeUInt32BE(60000, 20);
		// A valid header for the new size (the IHDR checksum over type and data), so the refusal
		// is the size's and not a broken file's.
		bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
		// 3.6 gigapixels: refused by the dimensions the header states ('dimensions'), where a decode
		// would have had to allocate 10 GB first.
		expect(await sanitizeImage(bytes)).toEqual({ ok: false, reason: 'dimensions' });
	});

	it('refuses more than 20 MB', async () => {
		const big = Buffer.alloc(IMAGE_MAX_BYTES + 1);
		big[0] = 0xff;
		big[1] = 0xd8;
		big[2] = 0xff;
		expect(await sanitizeImage(big)).toEqual({ ok: false, reason: 'too_large' });
	});

	it('scales a large image down to 1200 pixels', async () => {
		const png = new PNG({ width: 2400, height: 600 });
		png.data.fill(255);
		const out = await sanitizeImage(PNG.sync.write(png));
		expect(out.ok && [out.width, out.height]).toEqual([1200, 300]);
	});

	it('takes a 12 MP phone photo off the event loop: accepted, rotated, small', async () => {
		// 4000 × 3000 noise at quality 92 is about as large as a real 12 MP phone JPEG (several MB).
		const photo = await noisePhoto(4000, 3000);
		expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
		// Off the event loop: a timer keeps firing while the photo is processed, so no pause between
		// two ticks takes most of the time. A ratio, not milliseconds, so a slow machine does not
		// matter: the pure-JS decoder it replaced blocked the loop for 4–5 s, nearly all of the work.
		// `npm run bench -- image` measures the longest stall against that baseline.
		const ticks: number[] = [performance.now()];
		const ticker = setInterval(() => ticks.push(performance.now()), 1);
		const out = await sanitizeImage(photo).finally(() => clearInterval(ticker));
		ticks.push(performance.now());
		const total = ticks.at(-1)! - ticks[0]!;
		const longestPause = Math.max(...ticks.slice(1).map((t, i) => t - ticks[i]!));
		// EXIF orientation 6 (as a phone held upright writes it): stored upright, 900 × 1200.
		expect(out).toMatchObject({ ok: true, mime: 'image/jpeg', width: 900, height: 1200 });
		expect(photo.includes(Buffer.from('GPS-SECRET'))).toBe(true);
		expect(out.ok && out.bytes.includes(Buffer.from('GPS-SECRET'))).toBe(false);
		expect(
			longestPause / total,
			`longest pause ${longestPause.toFixed(0)} of ${total.toFixed(0)} ms`
		).toBeLessThan(0.5);
	}, 90_000);
});

describe('the HTTP body limit', () => {
	it('lets the largest accepted image through server.mjs (BODY_SIZE_LIMIT default)', () => {
		const server = readFileSync(new URL('../../../../server.mjs', import.meta.url), 'utf8');
		const m = /DEFAULT_BODY_SIZE_LIMIT = '(\d+)M'/.exec(server);
		expect(m).not.toBeNull();
		// Room for the other fields and the multipart framing on top of the file itself.
		expect(Number(m![1]) * 1024 * 1024).toBeGreaterThan(IMAGE_MAX_BYTES + 64 * 1024);
	});
});
