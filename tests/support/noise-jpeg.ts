import sharp, { type Sharp } from 'sharp';

/**
 * A phone photo's stand-in: a JPEG of grey noise (noise does not compress, so the file is as large
 * as a real one) with EXIF orientation 6, as a sharp pipeline (add metadata, then toBuffer()).
 * For the image unit test, the profile-upload e2e spec and bench/image.ts.
 */
export function noiseJpeg(width: number, height: number, quality = 92): Sharp {
	return sharp({
		create: {
			width,
			height,
			channels: 3,
			background: '#808080',
			noise: { type: 'gaussian', mean: 128, sigma: 60 }
		}
	})
		.jpeg({ quality })
		.withMetadata({ orientation: 6 });
}
