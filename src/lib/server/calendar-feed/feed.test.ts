import { describe, expect, it } from 'vitest';
import { expectStartsReadAlike, lineProblems, withIcalJs } from '../../../../tests/support/ics-parsers';
import { testServices } from '../../../../tests/support/test-database';
import { bookingFixture, holdInput, slotsOn } from '../../../../tests/support/booking-fixtures';
import { holdBooking } from '../booking/hold';
import { createFeed, feedStatus, revokeFeed, setOfficeFeedDetails } from './commands';
import { personalFeed, subscriptionUrls } from './feed';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach();

const BASE = 'https://kreativlotse.example';

async function setup() {
	s = await testServices();
	const f = await bookingFixture(s);
	// This week: two appointments of the consultant (Wednesday and Thursday), one Sprechtag.
	const wed = (await slotsOn(s, f, '2026-06-17'))[0]!;
	const thu = (await slotsOn(s, f, '2026-06-18', 'phone'))[0]!;
	const first = await holdBooking(s, holdInput(f, wed.start, { idempotencyKey: 'feed-1' }));
	const second = await holdBooking(
		s,
		holdInput(f, thu.start, {
			format: 'phone',
			idempotencyKey: 'feed-2',
			intake: {
				...holdInput(f, 0).intake,
				name: 'Lea Marie Muster',
				email: 'lea@example.org',
				phone: '0170 1'
			}
		})
	);
	expect(first.ok && second.ok).toBe(true);
	await s.db
		.updateTable('booking')
		.set({ status: 'confirmed', hold_expires_at: null })
		.where('idempotency_key', '=', 'feed-1')
		.execute();
	const t = s.clock.now().getTime();
	await s.db
		.insertInto('sprechtag')
		.values({
			office_id: f.officeId,
			consultant_id: f.consultantId,
			date: '2026-06-19',
			start_time: '10:00',
			end_time: '14:00',
			town: 'Minden',
			venue: 'Rathaus',
			address: 'Markt 1, 32423 Minden',
			created_at: t,
			updated_at: t
		})
		.execute();
	const actor = { kind: 'staff' as const, id: f.consultantId, label: f.consultantEmail };
	return { f, actor, wed, thu };
}

const feedOf = (token: string) => personalFeed(s!.db, token, { publicBaseUrl: BASE, now: s!.clock.now() });

describe('personal calendar feed', () => {
	it('shows the week’s appointments and Sprechtag, first name and format only, and parses everywhere', async () => {
		const { actor, wed, thu } = await setup();
		const { token } = await createFeed(s!, actor, { requestId: 'r1' });
		expect(await feedStatus(s!.db, actor.id)).toEqual({ createdAt: s!.clock.now().getTime() });
		const text = (await feedOf(token))!;
		expect(lineProblems(text)).toEqual([]);
		expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
		expect(text).toContain('\r\nX-WR-CALNAME:Kreativlotse – Berta Beraterin\r\n');
		expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
		expect(text).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
		expect(text).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
		const parsed = withIcalJs(text);
		expect(parsed.entries.map((e) => [e.summary, e.status])).toEqual([
			['Beratung: Kim (Im Regionalbüro)', 'CONFIRMED'],
			['Vorgemerkt: Lea (Telefon)', 'TENTATIVE'],
			['Sprechtag Minden', 'CONFIRMED']
		]);
		const starts = [wed.start, thu.start, Date.parse('2026-06-19T08:00:00Z')];
		expect(parsed.entries.map((e) => e.start)).toEqual(starts);
		expectStartsReadAlike(text, starts);
		// Minimal personal data: no surname, e-mail, phone or concern.
		for (const secret of ['Kim Kreativ', 'Muster', 'kim@example.org', 'lea@example.org', '0170', 'Preise'])
			expect(text).not.toContain(secret);
		const audit = await s!.db
			.selectFrom('audit_event')
			.select(['action', 'actor_id'])
			.where('action', 'like', 'calendar_feed.%')
			.execute();
		expect(audit).toEqual([{ action: 'calendar_feed.created', actor_id: actor.id }]);
	});

	it('an office may allow full name and contact data', async () => {
		const { f, actor } = await setup();
		await setOfficeFeedDetails(s!, { kind: 'staff', id: 99, label: 'lead@x' }, f.officeId, true);
		const text = (await feedOf((await createFeed(s!, actor)).token))!;
		const flat = text.replace(/\r\n /g, '');
		expect(flat).toContain('SUMMARY:Vorgemerkt: Lea Marie Muster (Telefon)');
		expect(flat).toContain('DESCRIPTION:Kontakt: lea@example.org 0170 1');
	});

	it('revoking, renewing and disabling the user make the old URL find nothing (404); all audited', async () => {
		const { actor } = await setup();
		const first = (await createFeed(s!, actor)).token;
		const second = (await createFeed(s!, actor)).token;
		expect(await feedOf(first)).toBeNull();
		expect(await feedOf(second)).not.toBeNull();
		expect(await revokeFeed(s!, actor)).toEqual({ revoked: true });
		expect(await revokeFeed(s!, actor)).toEqual({ revoked: false });
		expect(await feedOf(second)).toBeNull();
		expect(await feedStatus(s!.db, actor.id)).toBeNull();
		const third = (await createFeed(s!, actor)).token;
		await s!.db
			.updateTable('staff_user')
			.set({ disabled_at: s!.clock.now().getTime() })
			.where('id', '=', actor.id)
			.execute();
		expect(await feedOf(third)).toBeNull();
		expect(await feedOf('not a token')).toBeNull();
		const rows = await s!.db.selectFrom('calendar_feed').select(['token_hash', 'revoked_at']).execute();
		expect(rows.every((r) => !r.token_hash.includes(third) && /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(
			true
		);
		const actions = await auditRowsOf(s!.db, 'calendar_feed.%');
		expect(actions.map((a) => a.action)).toEqual([
			'calendar_feed.created',
			'calendar_feed.created',
			'calendar_feed.revoked',
			'calendar_feed.created'
		]);
	});
});

describe('subscriptionUrls', () => {
	it.each([
		[
			'https://kreativlotse.example',
			'https://kreativlotse.example/kalender/abc.ics',
			'webcal://kreativlotse.example/kalender/abc.ics'
		],
		[
			'http://localhost:3000',
			'http://localhost:3000/kalender/abc.ics',
			'webcal://localhost:3000/kalender/abc.ics'
		]
	])('%s: the feed route, and the same as webcal://', (base, https, webcal) => {
		expect(subscriptionUrls(base, 'abc')).toEqual({ https, webcal });
	});
});
