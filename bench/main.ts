// `npm run bench [-- NAME…]`: performance figures, each against a baseline measured in the same
// run (these machines are noisy; ratios travel better than milliseconds). Never a timed test.
import { bookingHttp } from './booking-http';
import { image } from './image';
import { healthz } from './healthz';
import { lighthouse } from './lighthouse';
import { passwordReset } from './password-reset';
import { slots } from './slots';
import { scale } from './scale';
import { startup } from './startup';
import { stats } from './stats';
import { searchPaging } from './search-paging';

const entries: Record<string, () => Promise<void>> = {
	startup,
	slots,
	'booking-http': bookingHttp,
	stats,
	image,
	'password-reset': passwordReset,
	healthz,
	scale,
	lighthouse,
	'search-paging': searchPaging
};

// Options with a value (`--scale 0.1`, `--pages statistik`) are read by their bench; their values are not names.
const args = process.argv.slice(2);
const withValue = new Set(['--scale', '--pages']);
const wanted = args.filter((a, i) => !a.startsWith('-') && !withValue.has(args[i - 1] ?? ''));
// `scale` and `search-paging` build large databases first and `lighthouse` audits six pages (minutes
// each): only when asked for by name.
const onlyByName = new Set(['scale', 'search-paging', 'lighthouse']);
const names = wanted.length ? wanted : Object.keys(entries).filter((n) => !onlyByName.has(n));
for (const name of names) {
	const run = entries[name];
	if (!run) {
		console.error(`bench: unknown entry "${name}" (known: ${Object.keys(entries).join(', ')})`);
		process.exit(2);
	}
	console.log(`\n## ${name}`);
	await run();
}
