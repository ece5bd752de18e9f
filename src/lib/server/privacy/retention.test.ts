import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { HOUR } from '../../time/durations';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { claimLease } from '../db/lease';
import { runRetention } from './retention';
import { renderDeletionConcept } from './retention-doc';
import { retentionJob } from './retention-job';
import { RETENTION_KEYS, RETENTION_TABLE, RetentionConfigError, retentionPeriods } from './retention-rules';
import { seedRetentionRows } from '../../../../tests/support/retention-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach();

type Seeded = Awaited<ReturnType<typeof seedRetentionRows>>;

/** Reads that say whether a row still holds personal data (true) or not (false / gone). */
const personal = {
	booking: async (id: number) => {
		const b = await s!.db.selectFrom('booking').selectAll().where('id', '=', id).executeTakeFirst();
		if (!b) return 'gone';
		return b.email !== '' || b.name !== '' || b.phone !== null || b.concern !== '' ? 'personal' : 'anonymous';
	},
	case: async (id: number) => {
		const c = await s!.db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		const r = await s!.db.selectFrom('consultation_record').selectAll().where('case_id', '=', id).execute();
		const st = await s!.db.selectFrom('next_step').selectAll().where('case_id', '=', id).execute();
		const words = [
			c.name,
			c.goals ?? '',
			c.close_outcome ?? '',
			...r.map((x) => `${x.situation ?? ''}${x.advice ?? ''}`),
			...st.map((x) => x.text)
		];
		return words.join('') !== '' ? 'personal' : 'anonymous';
	},
	creative: async (id: number) => {
		const c = await s!.db.selectFrom('creative').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		return c.email.endsWith('@invalid') && c.deleted_at !== null ? 'anonymous' : 'personal';
	},
	registration: async (id: number) => {
		const r = await s!.db
			.selectFrom('event_registration')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!r) return 'gone';
		return r.email !== '' || r.name !== '' || r.answers !== '[]' || r.feedback_comment !== null
			? 'personal'
			: 'anonymous';
	},
	mail: async (id: number) =>
		(await s!.db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst())
			? 'personal'
			: 'gone',
	profile: async (id: number) => {
		const p = await s!.db.selectFrom('profile').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		return p.display_name !== '' || p.bio !== '' || p.erased_at === null ? 'personal' : 'anonymous';
	},
	decisionMaker: async (id: number) => {
		const d = await s!.db
			.selectFrom('decision_maker')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const r = await s!.db
			.selectFrom('project_request')
			.selectAll()
			.where('decision_maker_id', '=', id)
			.execute();
		return d.organisation !== '' || d.phone !== null || r.some((x) => x.title !== '' || x.description !== '')
			? 'personal'
			: 'anonymous';
	},
	token: async (hash: string) =>
		(await s!.db
			.selectFrom('auth_token')
			.select('token_hash')
			.where('token_hash', '=', hash)
			.executeTakeFirst())
			? 'personal'
			: 'gone',
	audit: async (id: number) => {
		const a = await s!.db
			.selectFrom('audit_event')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return a.data !== '{}' || a.request_id !== null || a.actor_label !== 'erased' ? 'personal' : 'anonymous';
	}
};

/** The Löschkonzept as a data table: per category, the row past its period and the one inside. */
const expectations: readonly [string, (x: Seeded) => Promise<string>, string][] = [
	['bookings_unconfirmed old', (x) => personal.booking(x.expiredOld), 'gone'],
	['bookings_unconfirmed young', (x) => personal.booking(x.expiredYoung), 'personal'],
	['bookings_past old', (x) => personal.booking(x.pastOld), 'anonymous'],
	['bookings_past young', (x) => personal.booking(x.pastYoung), 'personal'],
	['cases_closed old', (x) => personal.case(x.caseOld.id), 'anonymous'],
	['cases_closed old: its booking', (x) => personal.booking(x.caseOld.bookingId), 'anonymous'],
	['cases_closed young', (x) => personal.case(x.caseYoung.id), 'personal'],
	['cases_closed young: its booking', (x) => personal.booking(x.caseYoung.bookingId), 'personal'],
	['creatives_without_data old', (x) => personal.creative(x.loneOld), 'anonymous'],
	['creatives_without_data young', (x) => personal.creative(x.loneYoung), 'personal'],
	['creatives_without_data: one with a booking', (x) => personal.creative(x.withBooking), 'personal'],
	['event_registrations old', (x) => personal.registration(x.regOld), 'anonymous'],
	['event_registrations young', (x) => personal.registration(x.regYoung), 'personal'],
	['waitlist_unconfirmed old', (x) => personal.registration(x.waitOld), 'gone'],
	['waitlist_unconfirmed young', (x) => personal.registration(x.waitYoung), 'personal'],
	['mails sent old', (x) => personal.mail(x.mails.sentOld), 'gone'],
	['mails sent young', (x) => personal.mail(x.mails.sentYoung), 'personal'],
	['mails dead old', (x) => personal.mail(x.mails.deadOld), 'gone'],
	['mails dead young', (x) => personal.mail(x.mails.deadYoung), 'personal'],
	['mails never delivered old', (x) => personal.mail(x.mails.pendingOld), 'gone'],
	['mails never delivered young', (x) => personal.mail(x.mails.pendingYoung), 'personal'],
	['mails obsolete old', (x) => personal.mail(x.mails.obsoleteOld), 'gone'],
	['mails obsolete young', (x) => personal.mail(x.mails.obsoleteYoung), 'personal'],
	['profiles_not_renewed old', (x) => personal.profile(x.profileOld.id), 'anonymous'],
	['profiles_not_renewed young', (x) => personal.profile(x.profileYoung.id), 'personal'],
	['decision_makers old', (x) => personal.decisionMaker(x.dmOld), 'anonymous'],
	['decision_makers young', (x) => personal.decisionMaker(x.dmYoung), 'personal'],
	['decision_makers never confirmed', (x) => personal.decisionMaker(x.dmUnconfirmed), 'anonymous'],
	['tokens old', () => personal.token('token-old'), 'gone'],
	['tokens young', () => personal.token('token-young'), 'personal'],
	['audit old', (x) => personal.audit(x.auditOld), 'anonymous'],
	['audit young', (x) => personal.audit(x.auditYoung), 'personal']
];

async function statisticsSnapshot(t: TestServices) {
	return JSON.stringify([
		await t.db.selectFrom('stat_consultation').selectAll().orderBy('id').execute(),
		await t.db.selectFrom('stat_consultation_month').selectAll().execute(),
		await t.db.selectFrom('stat_key').selectAll().execute()
	]);
}

describe('retention run (Löschkonzept)', () => {
	it('every category is deleted or anonymised exactly past its period; statistics untouched; audited with counts', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const seeded = await seedRetentionRows(s, f);
		const stats = await statisticsSnapshot(s);

		const dry = await runRetention(s, { dryRun: true });
		expect(dry.lines.map((l) => l.key)).toEqual([...RETENTION_KEYS]);
		for (const [label, read] of expectations) {
			// A dry run changes nothing: the old rows still hold their data.
			if (label.endsWith('young')) continue;
			expect.soft(await read(seeded), `dry run: ${label}`).not.toBe('anonymous');
		}
		const dryCounts = Object.fromEntries(dry.lines.map((l) => [l.key, l.count]));

		const report = await runRetention(s);
		for (const [label, read, expected] of expectations) {
			expect.soft(await read(seeded), label).toBe(expected);
		}
		const counts = Object.fromEntries(report.lines.map((l) => [l.key, l.count]));
		expect(counts).toEqual(dryCounts);
		for (const key of RETENTION_KEYS) expect.soft(counts[key], key).toBeGreaterThan(0);

		const audits = await auditRowsOf(s.db, 'retention.applied');
		expect(audits).toHaveLength(RETENTION_KEYS.length);
		for (const a of audits) {
			expect(a.actor_kind).toBe('system');
			expect(JSON.parse(a.data).count).toBe(counts[a.subject_id!]);
		}
		expect(await statisticsSnapshot(s)).toBe(stats);

		// Idempotent: a second run finds nothing (the retention audit rows are young).
		const again = await runRetention(s);
		expect(again.lines.every((l) => l.count === 0)).toBe(true);
	});

	it('works in batches: one transaction and one audit row per batch, the same end state, progress per batch', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const seeded = await seedRetentionRows(s, f);
		const dry = await runRetention(s, { dryRun: true });
		const progress: [string, number][] = [];
		const report = await runRetention(s, {
			batchSize: 1,
			onBatch: (key, done) => progress.push([key, done])
		});
		for (const [label, read, expected] of expectations) {
			expect.soft(await read(seeded), label).toBe(expected);
		}
		expect(report.lines.map((l) => [l.key, l.count])).toEqual(dry.lines.map((l) => [l.key, l.count]));
		const audits = await auditRowsOf(s.db, 'retention.applied');
		for (const line of report.lines) {
			const rows = audits.filter((a) => a.subject_id === line.key);
			const counts = rows.map((a) => JSON.parse(a.data).count as number);
			// Batches of one row each; the tokens rule is set-based and runs as one batch.
			if (line.key === 'tokens') expect(counts, line.key).toEqual([line.count]);
			else expect(counts, line.key).toEqual(Array.from({ length: line.count }, () => 1));
			const reported = progress.filter(([key]) => key === line.key).map(([, done]) => done);
			expect(reported.at(-1), line.key).toBe(line.count);
		}
		expect((await runRetention(s, { batchSize: 1 })).lines.every((l) => l.count === 0)).toBe(true);
	});

	it('a closed case leaves no name in the mails about it', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const seeded = await seedRetentionRows(s, f);
		await s.db
			.insertInto('outbox')
			.values({
				created_at: s.clock.now().getTime(),
				template: 'case.note',
				locale: 'de',
				to_address: 'berta@kreativlotse.example',
				to_name: 'Berta',
				subject: 'Rückmeldung von Fall case-old@example.org',
				text_body: 'Fall case-old@example.org',
				html_body: '',
				status: 'pending',
				attempts: 0,
				next_attempt_at: s.clock.now().getTime(),
				office_id: f.officeId,
				subject_kind: 'case',
				subject_id: String(seeded.caseOld.id),
				ics: null
			})
			.execute();
		await runRetention(s);
		const mails = await s.db.selectFrom('outbox').selectAll().where('subject_kind', '=', 'case').execute();
		expect(mails).toHaveLength(1);
		expect(JSON.stringify(mails)).not.toContain('case-old');
		expect(mails[0]!.status).toBe('dead');
	});

	it('periods come from one table; an operator override shortens one; unknown categories are refused', () => {
		const defaults = retentionPeriods();
		expect(defaults).toEqual(Object.fromEntries(RETENTION_TABLE.map((c) => [c.key, c.days])));
		expect(defaults).toMatchObject({
			bookings_past: 365,
			cases_closed: 730,
			event_registrations: 182,
			mails: 90
		});
		expect(retentionPeriods({ mails: 30 }).mails).toBe(30);
		expect(() => retentionPeriods({ bookings: 1 })).toThrow(RetentionConfigError);
	});

	it('docs/privacy/loeschkonzept.md is the retention table (regenerate: npm run kl -- retention --markdown)', () => {
		expect(readFileSync('docs/privacy/loeschkonzept.md', 'utf8')).toBe(renderDeletionConcept());
	});

	it('the job runs on one instance per hour: the lease is claimed atomically', async () => {
		s = await testServices();
		const now = s.clock.now();
		const claims = await Promise.all(
			Array.from({ length: 6 }, (_, i) => claimLease(s!.db, 'lease-test', `instance-${i}`, now, HOUR))
		);
		expect(claims.filter(Boolean)).toHaveLength(1);
		expect(await claimLease(s.db, 'lease-test', 'late', new Date(now.getTime() + HOUR), HOUR)).toBe(true);

		const f = await bookingFixture(s);
		await seedRetentionRows(s, f);
		expect(await retentionJob(s, 'a')).toBeGreaterThan(0);
		expect(await retentionJob(s, 'b')).toBe(0);
		const runs = await auditRowsOf(s.db, 'retention.applied');
		expect(runs).toHaveLength(RETENTION_KEYS.length);
	});
});
