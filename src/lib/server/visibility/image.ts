import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * A profile image as it may be stored: the upload is decoded to pixels and encoded anew, so
 * nothing of the original file survives but the picture (no EXIF/GPS, no XMP, no comments, no
 * text chunks, no trailing payload). The type is read from the bytes, never from the name or
 * the browser's claim. Limits on bytes and pixels come first, so a small file that claims
 * enormous dimensions (a decompression bomb) is refused before any pixel is allocated.
 */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_MAX_PIXELS = 24_000_000;
export const IMAGE_MAX_SIDE = 8000;
/** Stored images are scaled down to this longest side. */
export const IMAGE_TARGET_SIDE = 1200;

export type ImageType = 'image/jpeg' | 'image/png';
export type SanitizedImage = { ok: true; mime: ImageType; bytes: Buffer; width: number; height: number };
export type ImageRefusal = { ok: false; reason: 'empty' | 'too_large' | 'type' | 'dimensions' | 'corrupt' };

export function sniffImageType(bytes: Uint8Array): ImageType | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
	return null;
}

/** Width and height from the header alone (PNG IHDR, JPEG SOFn), without decoding pixels. */
export function headerDimensions(
	bytes: Uint8Array,
	type: ImageType
): { width: number; height: number } | null {
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (type === 'image/png') {
		if (view.length < 24 || view.toString('latin1', 12, 16) !== 'IHDR') return null;
		return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
	}
	let i = 2;
	while (i + 9 < view.length) {
		if (view[i] !== 0xff) return null;
		const marker = view[i + 1]!;
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			i += 2;
			continue;
		}
		const length = view.readUInt16BE(i + 2);
		const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isSof) return { height: view.readUInt16BE(i + 5), width: view.readUInt16BE(i + 7) };
		i += 2 + length;
	}
	return null;
}

/** EXIF orientation (1–8) of a JPEG, 1 when there is none: applied to the pixels before EXIF goes. */
export function jpegOrientation(bytes: Uint8Array): number {
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let i = 2;
	while (i + 4 < view.length && view[i] === 0xff) {
		const marker = view[i + 1]!;
		if (marker === 0xda) break;
		const length = view.readUInt16BE(i + 2);
		if (marker === 0xe1 && view.toString('latin1', i + 4, i + 10) === 'Exif\0\0') {
			const tiff = i + 10;
			const little = view.toString('latin1', tiff, tiff + 2) === 'II';
			const u16 = (o: number) => (little ? view.readUInt16LE(o) : view.readUInt16BE(o));
			const u32 = (o: number) => (little ? view.readUInt32LE(o) : view.readUInt32BE(o));
			try {
				const ifd = tiff + u32(tiff + 4);
				const count = u16(ifd);
				for (let e = 0; e < count; e++) {
					const entry = ifd + 2 + e * 12;
					if (u16(entry) === 0x0112) {
						const value = u16(entry + 8);
						return value >= 1 && value <= 8 ? value : 1;
					}
				}
			} catch {
				return 1;
			}
			return 1;
		}
		i += 2 + length;
	}
	return 1;
}

interface Pixels {
	width: number;
	height: number;
	data: Uint8Array;
}

/** Rotates/flips RGBA pixels so that orientation 1 shows what the camera meant. */
export function orient(p: Pixels, orientation: number): Pixels {
	if (orientation <= 1 || orientation > 8) return p;
	const swap = orientation >= 5;
	const w = swap ? p.height : p.width;
	const h = swap ? p.width : p.height;
	const out = new Uint8Array(w * h * 4);
	for (let y = 0; y < p.height; y++) {
		for (let x = 0; x < p.width; x++) {
			let nx: number;
			let ny: number;
			switch (orientation) {
				case 2:
					nx = p.width - 1 - x;
					ny = y;
					break;
				case 3:
					nx = p.width - 1 - x;
					ny = p.height - 1 - y;
					break;
				case 4:
					nx = x;
					ny = p.height - 1 - y;
					break;
				case 5:
					nx = y;
					ny = x;
					break;
				case 6:
					nx = p.height - 1 - y;
					ny = x;
					break;
				case 7:
					nx = p.height - 1 - y;
					ny = p.width - 1 - x;
					break;
				default:
					nx = y;
					ny = p.width - 1 - x;
					break;
			}
			const s = (y * p.width + x) * 4;
			const d = (ny * w + nx) * 4;
			out[d] = p.data[s]!;
			out[d + 1] = p.data[s + 1]!;
			out[d + 2] = p.data[s + 2]!;
			out[d + 3] = p.data[s + 3]!;
		}
	}
	return { width: w, height: h, data: out };
}

/** Box-filter downscale so the longest side is at most `side` (area average, no new dependency). */
export function downscale(p: Pixels, side: number): Pixels {
	const longest = Math.max(p.width, p.height);
	if (longest <= side) return p;
	const scale = side / longest;
	const w = Math.max(1, Math.round(p.width * scale));
	const h = Math.max(1, Math.round(p.height * scale));
	const out = new Uint8Array(w * h * 4);
	for (let y = 0; y < h; y++) {
		const y0 = Math.floor((y * p.height) / h);
		const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * p.height) / h));
		for (let x = 0; x < w; x++) {
			const x0 = Math.floor((x * p.width) / w);
			const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * p.width) / w));
			let r = 0;
			let g = 0;
			let b = 0;
			let a = 0;
			for (let sy = y0; sy < y1; sy++) {
				for (let sx = x0; sx < x1; sx++) {
					const s = (sy * p.width + sx) * 4;
					r += p.data[s]!;
					g += p.data[s + 1]!;
					b += p.data[s + 2]!;
					a += p.data[s + 3]!;
				}
			}
			const n = (y1 - y0) * (x1 - x0);
			const d = (y * w + x) * 4;
			out[d] = Math.round(r / n);
			out[d + 1] = Math.round(g / n);
			out[d + 2] = Math.round(b / n);
			out[d + 3] = Math.round(a / n);
		}
	}
	return { width: w, height: h, data: out };
}

export function sanitizeImage(input: Uint8Array): SanitizedImage | ImageRefusal {
	if (input.length === 0) return { ok: false, reason: 'empty' };
	if (input.length > IMAGE_MAX_BYTES) return { ok: false, reason: 'too_large' };
	const type = sniffImageType(input);
	if (!type) return { ok: false, reason: 'type' };
	const dims = headerDimensions(input, type);
	if (!dims) return { ok: false, reason: 'corrupt' };
	if (
		dims.width < 1 ||
		dims.height < 1 ||
		dims.width > IMAGE_MAX_SIDE ||
		dims.height > IMAGE_MAX_SIDE ||
		dims.width * dims.height > IMAGE_MAX_PIXELS
	)
		return { ok: false, reason: 'dimensions' };
	try {
		if (type === 'image/jpeg') {
			const decoded = jpeg.decode(input, {
				useTArray: true,
				formatAsRGBA: true,
				maxResolutionInMP: IMAGE_MAX_PIXELS / 1_000_000,
				maxMemoryUsageInMB: 256
			});
			const pixels = downscale(orient(decoded, jpegOrientation(input)), IMAGE_TARGET_SIDE);
			const encoded = jpeg.encode({ data: pixels.data, width: pixels.width, height: pixels.height }, 85);
			return {
				ok: true,
				mime: type,
				bytes: Buffer.from(encoded.data),
				width: pixels.width,
				height: pixels.height
			};
		}
		const decoded = PNG.sync.read(Buffer.from(input));
		const pixels = downscale(
			{ width: decoded.width, height: decoded.height, data: decoded.data },
			IMAGE_TARGET_SIDE
		);
		const png = new PNG({ width: pixels.width, height: pixels.height });
		png.data = Buffer.from(pixels.data);
		const bytes = PNG.sync.write(png, { colorType: 6 });
		return { ok: true, mime: type, bytes, width: pixels.width, height: pixels.height };
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
