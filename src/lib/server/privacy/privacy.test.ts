import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture, slotsOn } from '../../../../tests/support/booking-fixtures';
import { resolveSession } from '../identity/sessions';
import { requestPortalLink } from '../portal/login';
import { bookAs, signIn } from '../../../../tests/support/portal-fixtures';
import { eraseCreative } from './erase';
import { exportCreative } from './export';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const KIM = { name: 'Kim Kreativ', email: 'kim@example.org', phone: '0171 555111' };
const ALEX = { name: 'Alex Anders', email: 'alex@example.org', phone: '0171 999222' };
const policy = { idleMinutes: 30, absoluteHours: 12 };

/** Two creatives: Kim with a past (attended) and a future booking, Alex with one future booking. */
async function twoCreatives() {
	s = await testServices();
	const f = await bookingFixture(s);
	const wed = await slotsOn(s, f, '2026-06-17');
	const thu = await slotsOn(s, f, '2026-06-18');
	const kimPast = await bookAs(s, f, wed[0]!.start, KIM);
	await s.db.updateTable('booking').set({ status: 'attended' }).where('id', '=', kimPast.bookingId).execute();
	const kimFuture = await bookAs(s, f, thu[0]!.start, KIM);
	const alex = await bookAs(s, f, wed[2]!.start, ALEX);
	const kim = await signIn(s, KIM.email);
	const other = await signIn(s, ALEX.email);
	return { s, f, kim, other, kimPast, kimFuture, alex };
}

describe('export', () => {
	it('holds every row about me and none of anyone else', async () => {
		const { s, kim, kimPast, kimFuture, alex } = await twoCreatives();
		const data = (await exportCreative(s.db, kim.creativeId, s.clock.now()))!;
		expect(data.creative).toEqual([expect.objectContaining({ id: kim.creativeId, email: KIM.email })]);
		expect(data.booking.map((b) => b.id).sort()).toEqual([kimPast.bookingId, kimFuture.bookingId].sort());
		expect(data.booking[0]).toMatchObject({ name: KIM.name, email: KIM.email, phone: KIM.phone });
		expect(data.session).toHaveLength(1);
		expect(data.auth_token).toHaveLength(1);
		expect(data.outbox.length).toBeGreaterThanOrEqual(5); // 2 × hold + 2 × confirmed + login
		expect(data.outbox.every((m) => m.to_address === KIM.email)).toBe(true);
		expect(data.audit_event.map((a) => a.action)).toEqual(
			expect.arrayContaining(['booking.held', 'portal.login_link_sent', 'portal.login'])
		);

		const text = JSON.stringify(data);
		for (const foreign of [ALEX.name, ALEX.email, ALEX.phone, 'berta@kreativlotse.example'])
			expect(text).not.toContain(foreign);
		expect(text).not.toContain(`"booking ${alex.bookingId}"`);
		// No secrets: neither token hashes nor the session id.
		expect(text).not.toContain(kim.sessionHash);
		expect(text).not.toMatch(/token_hash|id_hash|request_hash/);
	});
});

describe('erasure', () => {
	it('anonymises my bookings, keeps the statistics, cancels the future one, ends sessions, redacts mail and audit', async () => {
		const { s, kim, kimPast, kimFuture, alex } = await twoCreatives();
		const statistics = [
			'office_id',
			'consultant_id',
			'format',
			'kind',
			'start_at',
			'end_at',
			'land_iso',
			'submarket',
			'stage',
			'topics'
		] as const;
		const before = await s.db.selectFrom('booking').selectAll().orderBy('id').execute();
		const alexBefore = before.find((b) => Number(b.id) === alex.bookingId)!;
		const kimAuditIds = (
			await s.db
				.selectFrom('audit_event')
				.select('id')
				.where('actor_kind', '=', 'creative')
				.where('actor_id', '=', kim.creativeId)
				.execute()
		).map((a) => Number(a.id));
		expect(kimAuditIds.length).toBeGreaterThan(0);

		const r = await eraseCreative(s, kim.creativeId, { requestId: 'erase-1' });
		expect(r).toMatchObject({ ok: true, bookingsAnonymised: 2, bookingsCancelled: 1 });

		const after = await s.db.selectFrom('booking').selectAll().orderBy('id').execute();
		for (const id of [kimPast.bookingId, kimFuture.bookingId]) {
			const b = after.find((x) => Number(x.id) === id)!;
			const was = before.find((x) => Number(x.id) === id)!;
			expect(b).toMatchObject({
				name: '',
				email: '',
				phone: null,
				postcode: null,
				concern: '',
				heard_from: null
			});
			expect(b.manage_token_hash).toBeNull();
			for (const c of statistics) expect(b[c], c).toEqual(was[c]);
		}
		expect(after.find((x) => Number(x.id) === kimPast.bookingId)!.status).toBe('attended');
		expect(after.find((x) => Number(x.id) === kimFuture.bookingId)!.status).toBe('cancelled');
		// Someone else's booking is untouched.
		expect(after.find((x) => Number(x.id) === alex.bookingId)).toEqual(alexBefore);

		// The consultant hears of the cancellation from a notice that names nobody (issue 13);
		// nothing still goes to me, and no mail in any state names me.
		const mails = await s.db.selectFrom('outbox').selectAll().orderBy('id').execute();
		const notices = mails.filter(
			(m) =>
				m.template === 'booking.consultant.cancelled' &&
				m.subject_id === String(kimFuture.bookingId) &&
				m.status === 'pending'
		);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ to_address: 'berta@kreativlotse.example' });
		expect(notices[0]!.ics).toContain('METHOD:CANCEL');
		const allMails = JSON.stringify(mails).replace(/\r?\n[ \t]/g, '');
		expect(allMails).not.toContain(KIM.email);
		expect(allMails).not.toContain(KIM.name);
		expect(mails.some((m) => m.to_address === KIM.email)).toBe(false);
		const redacted = mails.filter((m) => m.to_address === 'erased@invalid');
		expect(redacted.length).toBeGreaterThanOrEqual(6);
		for (const m of redacted) {
			expect(m).toMatchObject({ subject: 'erased', text_body: '', html_body: '', to_name: '', ics: null });
			expect(m.status).not.toBe('pending');
		}
		expect(mails.some((m) => m.to_address === ALEX.email && m.text_body.includes(ALEX.name))).toBe(true);

		// Sessions and links gone; the creative can no longer sign in or be found.
		expect(await resolveSession(s.db, 'any', policy, s.clock.now())).toEqual({ kind: 'anonymous' });
		for (const [table, key] of [
			['session', 'id_hash'],
			['auth_token', 'token_hash']
		] as const) {
			const left = await s.db
				.selectFrom(table)
				.select(key)
				.where('subject_kind', '=', 'creative')
				.where('subject_id', '=', kim.creativeId)
				.execute();
			expect(left, table).toEqual([]);
		}
		expect(
			await s.db.selectFrom('session').select('id_hash').where('subject_id', '=', kim.creativeId).execute()
		).toEqual([]);
		const creative = await s.db
			.selectFrom('creative')
			.selectAll()
			.where('id', '=', kim.creativeId)
			.executeTakeFirstOrThrow();
		expect(creative).toMatchObject({ email: `erased-${kim.creativeId}@invalid`, email_verified_at: null });
		expect(creative.deleted_at).not.toBeNull();
		expect(await exportCreative(s.db, kim.creativeId, s.clock.now())).toBeNull();
		expect(await eraseCreative(s, kim.creativeId)).toEqual({ ok: false, reason: 'not_found' });
		await requestPortalLink(s, { email: KIM.email, clientAddress: '203.0.113.1', locale: 'de' });
		expect(await s.db.selectFrom('creative').select('id').where('email', '=', KIM.email).execute()).toEqual(
			[]
		);

		// Audit: my rows redacted (never deleted), one erasure row without personal data.
		const audit = await s.db
			.selectFrom('audit_event')
			.selectAll()
			.where('actor_kind', '=', 'creative')
			.where('actor_id', '=', kim.creativeId)
			.execute();
		expect(audit.map((a) => Number(a.id))).toEqual(expect.arrayContaining(kimAuditIds));
		expect(audit.every((a) => a.actor_label === 'erased')).toBe(true);
		const erased = audit.find((a) => a.action === 'creative.erased')!;
		expect(JSON.parse(erased.data)).toEqual({
			bookingsAnonymised: 2,
			bookingsCancelled: 1,
			mailsRedacted: expect.any(Number)
		});
		const everything = JSON.stringify(await s.db.selectFrom('audit_event').selectAll().execute());
		expect(everything).not.toContain(KIM.email);
		expect(everything).not.toContain(KIM.name);

		// Alex is still signed in and still has everything.
		const alexData = (await exportCreative(
			s.db,
			(
				await s.db
					.selectFrom('creative')
					.select('id')
					.where('email', '=', ALEX.email)
					.executeTakeFirstOrThrow()
			).id,
			s.clock.now()
		))!;
		expect(alexData.booking).toHaveLength(1);
	});
});
