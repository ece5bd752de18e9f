import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { MINUTE } from '../../time/durations';
import { holdBooking } from '../booking/commands';
import { bookingFixture, holdInput, slotsOn } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking, lead, officeScope } from '../../../../tests/support/case-fixtures';
import { mergeCases } from '../cases/merge';
import { requireCreative, requireStaff } from '../http/gate';
import type { Actor } from '../identity/principal';
import { resolveSession } from '../identity/sessions';
import { hashToken } from '../platform/tokens';
import { completePortalLogin, inspectPortalLink, logoutCreative, requestPortalLink } from './login';
import { bookAs, portalToken, signIn } from '../../../../tests/support/portal-fixtures';
import { myBookings } from './queries';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

const policy = { idleMinutes: 30, absoluteHours: 12 };
const KIM = 'kim@example.org';

async function setup() {
	s = await testServices();
	const f = await bookingFixture(s);
	const slots = await slotsOn(s, f, '2026-06-17');
	await bookAs(s, f, slots[0]!.start, { name: 'Kim Kreativ', email: KIM });
	return s;
}

const mailsTo = (s: TestServices, to: string) =>
	s.db
		.selectFrom('outbox')
		.selectAll()
		.where('template', '=', 'portal.login')
		.where('to_address', '=', to)
		.execute();

const login = (s: TestServices, token: string) =>
	completePortalLogin(s, { token, clientAddress: '203.0.113.9', userAgent: 'vitest', replacesSession: null });

describe('magic-link login', () => {
	it('mails a link only to addresses with bookings, answering the same either way', async () => {
		const s = await setup();
		const input = { clientAddress: '203.0.113.9', locale: 'de' as const };
		expect(await requestPortalLink(s, { ...input, email: ' KIM@example.org ' })).toEqual({ ok: true });
		expect(await requestPortalLink(s, { ...input, email: 'nobody@example.org' })).toEqual({ ok: true });
		expect(await mailsTo(s, KIM)).toHaveLength(1);
		expect(await mailsTo(s, 'nobody@example.org')).toHaveLength(0);
		expect(await s.db.selectFrom('creative').select('email').execute()).toEqual([{ email: KIM }]);
		const mail = (await mailsTo(s, KIM))[0]!;
		expect(mail.subject).toBe('Kreativlotse: Ihr Anmeldelink');
		const token = await portalToken(s, KIM);
		// Only the hash is stored, with the portal's purpose and a 15-minute life.
		const row = await s.db.selectFrom('auth_token').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			token_hash: hashToken(token),
			purpose: 'portal_login',
			subject_kind: 'creative'
		});
		expect(row.expires_at - row.created_at).toBe(15 * MINUTE);
	});

	it('opening the link changes nothing; the POST signs in once, verifies the e-mail and resolves a creative', async () => {
		const s = await setup();
		await requestPortalLink(s, { email: KIM, clientAddress: '203.0.113.9', locale: 'de' });
		const token = await portalToken(s, KIM);
		expect(await inspectPortalLink(s.db, token, s.clock.now())).toMatchObject({ ok: true });
		expect(await inspectPortalLink(s.db, token, s.clock.now())).toMatchObject({ ok: true });
		// The confirmed booking made the creative with a verified address; one booked by staff on
		// the phone is unverified until the first portal login.
		await s.db.updateTable('creative').set({ email_verified_at: null }).execute();
		const creative = await s.db.selectFrom('creative').selectAll().executeTakeFirstOrThrow();
		expect(creative.email_verified_at).toBeNull();

		const r = await login(s, token);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(await login(s, token)).toEqual({ ok: false, reason: 'used' });
		const verified = await s.db.selectFrom('creative').selectAll().executeTakeFirstOrThrow();
		expect(verified.email_verified_at).toBe(s.clock.now().getTime());

		const actor = await resolveSession(s.db, r.token, policy, s.clock.now());
		expect(actor).toEqual({
			kind: 'creative',
			id: Number(creative.id),
			email: KIM,
			sessionHash: hashToken(r.token)
		});
		const audit = await s.db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', 'like', 'portal.%')
			.execute();
		expect(audit.map((a) => [a.action, a.actor_kind, a.actor_label])).toEqual([
			['portal.login_link_sent', 'creative', `creative ${creative.id}`],
			['portal.login', 'creative', `creative ${creative.id}`]
		]);
		expect(JSON.stringify(audit)).not.toContain(KIM);

		await logoutCreative(s, { sessionHash: hashToken(r.token), creativeId: Number(creative.id) });
		expect(await resolveSession(s.db, r.token, policy, s.clock.now())).toEqual({ kind: 'anonymous' });
	});

	it('refuses expired, replaced and made-up links', async () => {
		const s = await setup();
		await requestPortalLink(s, { email: KIM, clientAddress: '203.0.113.9', locale: 'de' });
		const first = await portalToken(s, KIM);
		s.clock.advance(16 * MINUTE);
		expect(await login(s, first)).toEqual({ ok: false, reason: 'expired' });
		await requestPortalLink(s, { email: KIM, clientAddress: '203.0.113.9', locale: 'de' });
		const second = await portalToken(s, KIM);
		await requestPortalLink(s, { email: KIM, clientAddress: '203.0.113.9', locale: 'de' });
		const third = await portalToken(s, KIM);
		expect(await login(s, second)).toEqual({ ok: false, reason: 'used' });
		expect(await login(s, 'x'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
		expect(await login(s, '../etc')).toEqual({ ok: false, reason: 'invalid' });
		expect((await login(s, third)).ok).toBe(true);
	});

	it('is rate limited per e-mail address and per client address', async () => {
		const s = await setup();
		for (let i = 0; i < 3; i++)
			expect(
				await requestPortalLink(s, { email: KIM, clientAddress: `198.51.100.${i}`, locale: 'de' })
			).toEqual({
				ok: true
			});
		expect(
			await requestPortalLink(s, { email: KIM, clientAddress: '198.51.100.99', locale: 'de' })
		).toMatchObject({
			ok: false,
			reason: 'throttled'
		});
		expect(await mailsTo(s, KIM)).toHaveLength(3);
		const limit = s.config.publicFormLimit;
		for (let i = 0; i < limit; i++)
			await requestPortalLink(s, { email: `p${i}@example.org`, clientAddress: '192.0.2.1', locale: 'de' });
		expect(
			await requestPortalLink(s, { email: 'another@example.org', clientAddress: '192.0.2.1', locale: 'de' })
		).toMatchObject({ ok: false, reason: 'throttled' });
		// The throttle stores hashes, never the address.
		const keys = await s.db.selectFrom('rate_counter').select('key').execute();
		expect(JSON.stringify(keys)).not.toContain('example.org');
	});
});

describe('the portal and the gate', () => {
	it('lists my bookings newest first and nobody else’s', async () => {
		s = await testServices();
		const f = await bookingFixture(s);
		const slots = await slotsOn(s, f, '2026-06-17');
		await bookAs(s, f, slots[0]!.start, { name: 'Kim Kreativ', email: KIM });
		await bookAs(s, f, slots[2]!.start, { name: 'Alex Anders', email: 'alex@example.org' });
		const later = await slotsOn(s, f, '2026-06-18');
		await s.db.updateTable('booking').set({ status: 'attended' }).where('email', '=', KIM).execute();
		await bookAs(s, f, later[0]!.start, { name: 'Kim Kreativ', email: KIM });
		const kim = await s.db
			.selectFrom('creative')
			.select('id')
			.where('email', '=', KIM)
			.executeTakeFirstOrThrow();
		const mine = await myBookings(s.db, { id: Number(kim.id), email: KIM }, s.clock.now());
		expect(mine.map((b) => [b.status, b.open])).toEqual([
			['confirmed', true],
			['attended', false]
		]);
		expect(mine[0]!.start).toBe(later[0]!.start);
		expect(mine[0]!.officeName).toBeTruthy();
	});

	it('keeps staff pages closed to creatives and the portal closed to staff and anonymous callers', async () => {
		const s = await setup();
		const { creativeId, sessionHash } = await signIn(s, KIM);
		const creative: Actor = { kind: 'creative', id: creativeId, email: KIM, sessionHash };
		const event = (actor: Actor, path: string) =>
			({ locals: { actor, locale: 'de', requestId: 'r' }, url: new URL(`http://localhost${path}`) }) as never;
		const thrown = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return e;
			}
			return null;
		};
		const staffDenied = thrown(() => requireStaff(event(creative, '/intern')));
		expect(isRedirect(staffDenied) && staffDenied.location).toBe('/anmelden?weiter=%2Fintern');
		expect(requireCreative(event(creative, '/portal'))).toEqual(creative);
		const staff: Actor = {
			kind: 'staff',
			id: 1,
			name: 'S',
			email: 's@example.org',
			isNetworkAdmin: true,
			memberships: [],
			sessionHash: 'h'
		};
		for (const actor of [staff, { kind: 'anonymous' } as Actor]) {
			const denied = thrown(() => requireCreative(event(actor, '/portal')));
			expect(isRedirect(denied) && denied.location).toBe('/portal/anmelden');
		}
	});
});

describe('merged duplicates', () => {
	const DUP = 'kim.k@example.org';

	/** Kim booked twice with two addresses; staff merged the second case into the first. */
	async function merged() {
		s = await testServices();
		const f = await bookingFixture(s);
		const a = await confirmedBooking(s, f, { day: '2026-06-16', email: KIM });
		const b = await confirmedBooking(s, f, { day: '2026-06-16', email: DUP });
		const r = await mergeCases(s, lead(1), officeScope(f.officeId), {
			sourceCaseId: b.caseId,
			targetCaseId: a.caseId
		});
		expect(r).toEqual({ ok: true, caseId: a.caseId });
		const ids = await s.db.selectFrom('creative').select(['id', 'email']).orderBy('id').execute();
		const idOf = (email: string) => Number(ids.find((c) => c.email === email)!.id);
		return { s, f, a, b, kimId: idOf(KIM), dupId: idOf(DUP) };
	}

	it('a link to the merged address signs in as the creative it was merged into', async () => {
		const { s, kimId, dupId } = await merged();
		await requestPortalLink(s, { email: DUP, clientAddress: '203.0.113.9', locale: 'de' });
		const r = await login(s, await portalToken(s, DUP));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(await resolveSession(s.db, r.token, policy, s.clock.now())).toEqual({
			kind: 'creative',
			id: kimId,
			email: KIM,
			sessionHash: hashToken(r.token)
		});
		// The link proved the merged address, so it counts as verified; the audit row names the target.
		const dup = await s.db
			.selectFrom('creative')
			.selectAll()
			.where('id', '=', dupId)
			.executeTakeFirstOrThrow();
		expect(dup.email_verified_at).not.toBeNull();
		const audit = await s.db
			.selectFrom('audit_event')
			.select(['actor_label', 'data'])
			.where('action', '=', 'portal.login')
			.executeTakeFirstOrThrow();
		expect(audit.actor_label).toBe(`creative ${kimId}`);
		expect(JSON.parse(audit.data)).toEqual({ viaMergedCreative: dupId });
	});

	it('a link to a merged address is refused once the target account is deleted', async () => {
		const { s, dupId, kimId } = await merged();
		await requestPortalLink(s, { email: DUP, clientAddress: '203.0.113.9', locale: 'de' });
		const token = await portalToken(s, DUP);
		// Erasure unlinks duplicates (privacy/erase.ts); should a pointer to a deleted target
		// remain all the same, no session is opened for it.
		await s.db
			.updateTable('creative')
			.set({ deleted_at: s.clock.now().getTime() })
			.where('id', '=', kimId)
			.execute();
		expect(await login(s, token)).toEqual({ ok: false, reason: 'invalid' });
		expect(await s.db.selectFrom('session').select('id_hash').execute()).toEqual([]);
		expect(dupId).not.toBe(kimId);
	});

	it('my appointments list the bookings of my cases and of the merged address, nobody else’s', async () => {
		const { s, f, a, b, kimId } = await merged();
		const other = await confirmedBooking(s, f, { day: '2026-06-17', email: 'alex@example.org' });
		// After both talks the merged address holds a new, not yet confirmed booking (no case yet).
		s.clock.set(new Date(b.start + 2 * 3_600_000));
		const later = await slotsOn(s, f, '2026-06-18');
		const base = holdInput(f, later[0]!.start);
		const held = await holdBooking(s, { ...base, intake: { ...base.intake, email: DUP } });
		expect(held.ok).toBe(true);
		if (!held.ok) return;
		const mine = await myBookings(s.db, { id: kimId, email: KIM }, s.clock.now());
		expect(mine.map((m) => m.id).sort((x, y) => x - y)).toEqual(
			[a.bookingId, b.bookingId, held.bookingId].sort((x, y) => x - y)
		);
		expect(mine.map((m) => m.id)).not.toContain(other.bookingId);
		// b was booked with the merged address: only the case link (not the e-mail) finds it.
		const alex = await s.db
			.selectFrom('creative')
			.select('id')
			.where('email', '=', 'alex@example.org')
			.executeTakeFirstOrThrow();
		expect(
			(await myBookings(s.db, { id: Number(alex.id), email: 'alex@example.org' }, s.clock.now())).map(
				(m) => m.id
			)
		).toEqual([other.bookingId]);
	});
});
