import type { Metadata } from 'sharp';

/**
 * A profile image as it may be stored: the upload is decoded to pixels and encoded anew, so
 * nothing of the original file survives but the picture (no EXIF/GPS, no XMP, no ICC comments,
 * no text chunks, no trailing payload). The type is read from the bytes, never from the name or
 * the browser's claim, and only the formats below ever reach the decoder (no SVG, no TIFF).
 *
 * Decoding runs in sharp (libvips) on libuv's thread pool, not on the event loop: a 12 MP phone
 * photo costs the loop a few milliseconds instead of the 4–5 s the pure-JS decoder blocked it
 * (issue 11; figures: `npm run bench -- image`). Limits on bytes and pixels come first, and the
 * pixel limit is checked from the header, so a small file that claims enormous dimensions (a
 * decompression bomb) is refused before any pixel is allocated.
 */
export const IMAGE_MAX_MB = 20;
export const IMAGE_MAX_BYTES = IMAGE_MAX_MB * 1024 * 1024;
/** 50 MP: a 48 MP phone camera's full resolution still fits. */
export const IMAGE_MAX_PIXELS = 50_000_000;
export const IMAGE_MAX_SIDE = 12_000;
/** Stored images are scaled down to this longest side. */
export const IMAGE_TARGET_SIDE = 1200;

/** What is stored: JPEG, or PNG where the picture has transparency. */
export type ImageType = 'image/jpeg' | 'image/png';
/** What is accepted. HEIC needs an HEVC decoder, which sharp's prebuilt libvips leaves out (patents). */
export type UploadType = ImageType | 'image/webp' | 'image/avif' | 'image/heic';
export type SanitizedImage = { ok: true; mime: ImageType; bytes: Buffer; width: number; height: number };
export type ImageRefusal = {
	ok: false;
	reason: 'empty' | 'too_large' | 'type' | 'heic' | 'dimensions' | 'corrupt';
};

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The upload's type from its first bytes (magic numbers, the ISO-BMFF brand for HEIF). */
export function sniffImageType(bytes: Uint8Array): UploadType | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
		return 'image/webp';
	if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
		const brand = ascii(bytes, 8, 12);
		if (AVIF_BRANDS.has(brand)) return 'image/avif';
		// 'mif1'/'msf1' are generic HEIF brands: HEIC photos from phones say 'heic' first.
		if (HEIC_BRANDS.has(brand) || brand === 'mif1' || brand === 'msf1') return 'image/heic';
	}
	return null;
}

async function decoder(input: Uint8Array) {
	// Loaded on the first upload, not at start: libvips maps about 7 MB of code into every process
	// that imports it, and most instances never see an image (issue 14, RSS). Node caches the module.
	const { default: sharp } = await import('sharp');
	// limitInputPixels makes libvips refuse a bomb from the header; failOn 'error' turns a damaged
	// file into an error instead of a half-grey picture.
	return sharp(input, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error' });
}

export async function sanitizeImage(input: Uint8Array): Promise<SanitizedImage | ImageRefusal> {
	if (input.length === 0) return { ok: false, reason: 'empty' };
	if (input.length > IMAGE_MAX_BYTES) return { ok: false, reason: 'too_large' };
	const type = sniffImageType(input);
	if (!type) return { ok: false, reason: 'type' };

	let meta: Metadata;
	try {
		meta = await (await decoder(input)).metadata();
	} catch (err) {
		// libvips reads the size from the header and refuses a bomb before decoding a pixel: the
		// person hears that the picture is too large, not that it is broken.
		if (err instanceof Error && /pixel limit/.test(err.message)) return { ok: false, reason: 'dimensions' };
		return { ok: false, reason: type === 'image/heic' ? 'heic' : 'corrupt' };
	}
	// A HEIF container with HEVC pixels (an iPhone photo) cannot be decoded by this build.
	if (meta.format === 'heif' && meta.compression !== 'av1') return { ok: false, reason: 'heic' };
	const { width = 0, height = 0 } = meta;
	if (
		width < 1 ||
		height < 1 ||
		width > IMAGE_MAX_SIDE ||
		height > IMAGE_MAX_SIDE ||
		width * height > IMAGE_MAX_PIXELS
	)
		return { ok: false, reason: 'dimensions' };

	try {
		// rotate() without an angle applies the EXIF orientation; sharp writes no metadata unless
		// asked (no withMetadata/keepExif), so EXIF, XMP, IPTC and comments are gone.
		const pipeline = (await decoder(input)).rotate().resize({
			width: IMAGE_TARGET_SIDE,
			height: IMAGE_TARGET_SIDE,
			fit: 'inside',
			withoutEnlargement: true
		});
		// A PNG stays a PNG (logos, drawings); a WebP/AVIF with transparency becomes one; the rest JPEG.
		const asPng = type === 'image/png' || (meta.hasAlpha === true && type !== 'image/jpeg');
		const encoded = asPng
			? pipeline.png({ compressionLevel: 9 })
			: pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		return {
			ok: true,
			mime: asPng ? 'image/png' : 'image/jpeg',
			bytes: data,
			width: info.width,
			height: info.height
		};
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
