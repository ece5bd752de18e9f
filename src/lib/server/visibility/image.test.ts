import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { headerDimensions, jpegOrientation, sanitizeImage, sniffImageType } from './image';

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

describe('profile images', () => {
	it('strips EXIF from a JPEG by re-encoding it', () => {
		const input = jpegWithExif();
		expect(input.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
		expect(input.includes(Buffer.from('GPS-SECRET'))).toBe(true);
		const out = sanitizeImage(input);
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

	it('applies the EXIF orientation to the pixels before dropping it', () => {
		const input = jpegWithExif(4, 2, 6);
		expect(jpegOrientation(input)).toBe(6);
		const out = sanitizeImage(input);
		expect(out.ok && [out.width, out.height]).toEqual([2, 4]);
	});

	it('re-encodes a PNG without its text chunks', () => {
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
		const out = sanitizeImage(input);
		expect(out.ok).toBe(true);
		if (out.ok) expect(out.bytes.includes(Buffer.from('secret-location'))).toBe(false);
	});

	it.each([
		['a text file', Buffer.from('hello, this is not an image'), 'type'],
		['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'type'],
		['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'type'],
		['an empty upload', Buffer.alloc(0), 'empty'],
		['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), 'corrupt']
	])('refuses %s', (_name, bytes, reason) => {
		expect(sanitizeImage(bytes)).toEqual({ ok: false, reason });
	});

	it('refuses a decompression bomb by its header, before decoding', () => {
		const png = new PNG({ width: 1, height: 1 });
		const bytes = Buffer.from(PNG.sync.write(png));
		bytes.writeUInt32BE(60000, 16);
		bytes.writeUInt32BE(60000, 20);
		expect(headerDimensions(bytes, 'image/png')).toEqual({ width: 60000, height: 60000 });
		expect(sanitizeImage(bytes)).toEqual({ ok: false, reason: 'dimensions' });
	});

	it('refuses more than 5 MB', () => {
		const big = Buffer.alloc(5 * 1024 * 1024 + 1);
		big[0] = 0xff;
		big[1] = 0xd8;
		big[2] = 0xff;
		expect(sanitizeImage(big)).toEqual({ ok: false, reason: 'too_large' });
	});

	it('scales a large image down to 1200 pixels', () => {
		const png = new PNG({ width: 2400, height: 600 });
		png.data.fill(255);
		const out = sanitizeImage(PNG.sync.write(png));
		expect(out.ok && [out.width, out.height]).toEqual([1200, 300]);
	});
});
