// "Passwort vergessen" for a known and an unknown address (issue 13): the answer must not tell them
// apart by its time. The unknown address is the baseline, measured interleaved in the same run; the
// figure is the ratio of the medians. The vitest suite proves the structure (the same statements on
// both paths, password-reset.test.ts); this measures the time, which a test must not.
// Runs on SQLite, or on PostgreSQL when TEST_DATABASE_URL is a postgres URL.
import { requestPasswordReset } from '../src/lib/server/identity/password-reset';
import { HOUR } from '../src/lib/time/durations';
import { addStaff } from '../tests/support/identity-fixtures';
import { testServices } from '../tests/support/test-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** The goal: the two medians within 10 % of each other. */
const GOAL_RATIO = 1.1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function passwordReset(): Promise<void> {
	const s = await testServices({ env: { PUBLIC_FORM_LIMIT: '100000' } });
	try {
		await addStaff(s, { email: 'jana@example.org' });
		const time = async (email: string, i: number) => {
			const started = performance.now();
			await requestPasswordReset(s, {
				email,
				clientAddress: `10.${(i >> 8) & 255}.${i & 255}.1`,
				locale: 'de'
			});
			return performance.now() - started;
		};
		const known: number[] = [];
		const unknown: number[] = [];
		// Interleaved, each with a fresh client address and an hour later, so no throttle steps in.
		for (let i = 0; i < RUNS; i++) {
			s.clock.advance(HOUR);
			known.push(await time('jana@example.org', 2 * i));
			unknown.push(await time(`probe${i}@example.org`, 2 * i + 1));
		}
		const [k, u] = [median(known), median(unknown)];
		const ratio = k / u;
		console.log(`database: ${s.dialect}, ${RUNS} requests each, interleaved`);
		console.log(`known address:   median ${k.toFixed(2)} ms`);
		console.log(`unknown address: median ${u.toFixed(2)} ms (baseline)`);
		console.log(
			`ratio known / unknown: ${ratio.toFixed(3)}; goal: within ${GOAL_RATIO}× either way: ${ratio < GOAL_RATIO && ratio > 1 / GOAL_RATIO ? 'met' : 'NOT met'}`
		);
	} finally {
		await s.close();
	}
}
