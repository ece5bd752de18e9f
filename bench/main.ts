// `npm run bench [-- NAME…]`: performance figures, each against a baseline measured in the same
// run (these machines are noisy; ratios travel better than milliseconds). Never a timed test.
import { bookingHttp } from './booking-http';
import { image } from './image';
import { healthz } from './healthz';
import { slots } from './slots';
import { startup } from './startup';
import { stats } from './stats';
import { searchPaging } from './search-paging';

const entries: Record<string, () => Promise<void>> = {
	startup,
	slots,
	'booking-http': bookingHttp,
	stats,
	image,
	healthz,
	'search-paging': searchPaging
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(entries);
for (const name of names) {
	const run = entries[name];
	if (!run) {
		console.error(`bench: unknown entry "${name}" (known: ${Object.keys(entries).join(', ')})`);
		process.exit(2);
	}
	console.log(`\n## ${name}`);
	await run();
}
