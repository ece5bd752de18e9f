// Profile photo processing (issue 11): how long the event loop is blocked while a 12 MP phone JPEG
// is decoded, rotated, stripped and scaled, against a baseline from the same run: the pure-JS
// decoder the product used before (jpeg-js), which ran on the event loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import jpeg from 'jpeg-js';
import { noiseJpeg } from '../tests/support/noise-jpeg';
import { sanitizeImage } from '../src/lib/server/visibility/image';

const GOAL_BLOCK_MS = 100;

/** Runs `work` while measuring the longest event-loop stall (1 ms resolution) and wall time. */
async function measure(work: () => Promise<unknown>): Promise<{ ms: number; maxBlockMs: number }> {
	const delay = monitorEventLoopDelay({ resolution: 1 });
	delay.enable();
	// Let the histogram's timer run once first, or a synchronous block right away goes unseen.
	await new Promise((r) => setTimeout(r, 5));
	const started = performance.now();
	await work();
	const ms = performance.now() - started;
	// Let the histogram see the last interval.
	await new Promise((r) => setTimeout(r, 5));
	delay.disable();
	return { ms, maxBlockMs: delay.max / 1e6 };
}

export async function image(): Promise<void> {
	const photo = await noiseJpeg(4000, 3000).toBuffer();
	console.log(
		`input: 4000 × 3000 JPEG (12 MP), ${(photo.length / 1024 / 1024).toFixed(1)} MB, EXIF orientation 6`
	);
	await sanitizeImage(photo); // warm up libvips

	const one = await measure(() => sanitizeImage(photo));
	const four = await measure(() => Promise.all([1, 2, 3, 4].map(() => sanitizeImage(photo))));
	// Baseline: the pure-JS decode alone (no rotate, scale or encode), as the old code did it.
	const baseline = await measure(async () => {
		jpeg.decode(photo, {
			useTArray: true,
			formatAsRGBA: true,
			maxResolutionInMP: 50,
			maxMemoryUsageInMB: 512
		});
	});

	console.log(
		`sharp, one photo:        ${one.ms.toFixed(0)} ms wall, event loop blocked at most ${one.maxBlockMs.toFixed(1)} ms`
	);
	console.log(
		`sharp, four at once:     ${four.ms.toFixed(0)} ms wall, event loop blocked at most ${four.maxBlockMs.toFixed(1)} ms`
	);
	console.log(
		`baseline jpeg-js decode: ${baseline.ms.toFixed(0)} ms wall, event loop blocked at most ${baseline.maxBlockMs.toFixed(1)} ms`
	);
	console.log(
		`blocking ratio (sharp / baseline): ${(one.maxBlockMs / baseline.maxBlockMs).toFixed(3)}; goal: under ${GOAL_BLOCK_MS} ms per photo: ${one.maxBlockMs < GOAL_BLOCK_MS ? 'met' : 'NOT met'}`
	);
}
