import { afterEach, describe, expect, it } from 'vitest';
import { testServices, type TestServices } from '../../../../tests/support/test-database';
import { berlinDate } from '../../time/berlin';
import { seedDemoNetwork } from './network';

/**
 * The demo generator on a short history (the full year runs at `npm start`): the same seed
 * gives the same network, and everything in it went through the commands (facts, audit rows).
 */
let open: TestServices[] = [];
afterEach(async () => {
	for (const s of open) await s.close();
	open = [];
});

const NOW = '2026-11-19T14:20:00Z'; // a Thursday afternoon in Berlin

async function fingerprint(s: TestServices) {
	const group = async (table: 'booking' | 'case_file' | 'event_registration' | 'referral' | 'profile') =>
		Object.fromEntries(
			(
				await s.db
					.selectFrom(table)
					.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
					.groupBy('status')
					.orderBy('status')
					.execute()
			).map((r) => [r.status, Number(r.n)])
		);
	const names = await s.db.selectFrom('booking').select(['name', 'start_at']).orderBy('id').execute();
	return {
		bookings: await group('booking'),
		cases: await group('case_file'),
		registrations: await group('event_registration'),
		referrals: await group('referral'),
		profiles: await group('profile'),
		names: names.map((n) => `${n.name}@${n.start_at}`).join('|')
	};
}

async function seeded(seed: number, days = 45) {
	const s = await testServices({ now: NOW });
	open.push(s);
	const report = await seedDemoNetwork(s, { seed, days });
	if (!report) throw new Error('not seeded');
	return { s, report };
}

describe('seedDemoNetwork', () => {
	it('builds the same network from the same seed, through the commands', async () => {
		const a = await seeded(7);
		const b = await seeded(7);
		expect(b.report.counts).toEqual(a.report.counts);
		expect(await fingerprint(b.s)).toEqual(await fingerprint(a.s));

		const { s, report } = a;
		expect(report.counts['first consultations recorded']).toBeGreaterThan(50);
		expect(report.counts['check-ins sent']).toBeGreaterThan(0);
		expect(report.counts['referral answers']).toBeGreaterThan(0);
		expect(report.counts['profiles published']).toBeGreaterThan(5);
		// Statistics facts were written by the commands, in their transactions.
		const facts = await s.db
			.selectFrom('stat_consultation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(facts.n)).toBeGreaterThan(50);
		const audits = await s.db
			.selectFrom('audit_event')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(audits.n)).toBeGreaterThan(1000);

		// Today: appointments, one of them already started, so attendance can be recorded at once.
		const today = await s.db
			.selectFrom('booking')
			.select(['start_at', 'status'])
			.where('status', '=', 'confirmed')
			.execute();
		const todays = today.filter((b) => berlinDate(Number(b.start_at)) === berlinDate(new Date(NOW)));
		expect(todays.length).toBeGreaterThanOrEqual(8);
		expect(todays.some((b) => Number(b.start_at) <= Date.parse(NOW))).toBe(true);
		// Ahead: a full event with a waiting list, and cases closed with reasons.
		const waiting = await s.db
			.selectFrom('event_registration')
			.select('id')
			.where('status', '=', 'waitlisted')
			.where('waitlist_confirmed_at', 'is not', null)
			.execute();
		expect(waiting.length).toBeGreaterThan(0);
		const anyDemoMail = await s.db
			.selectFrom('booking')
			.select('email')
			.where('email', 'not like', '%.invalid')
			.execute();
		expect(anyDemoMail).toEqual([]);
		// A different seed gives a different network.
		const c = await seeded(8, 10);
		expect((await fingerprint(c.s)).names).not.toEqual((await fingerprint(a.s)).names);
	}, 600_000);
});
