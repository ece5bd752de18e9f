import { describe, expect, it } from 'vitest';
import { creativeActor, type PortalCreative } from '../../../../tests/support/portal-fixtures';
import { routeEvent, thrown } from '../../../../tests/support/route-events';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { type BookingFixture, bookingFixture } from '../../../../tests/support/booking-fixtures';
import { closeCase } from '$lib/server/cases/case-commands';
import { confirmedBooking, consultant, officeScope } from '../../../../tests/support/case-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(me: PortalCreative, query = '', form?: Record<string, string>) {
	return routeEvent({
		path: `/portal/folgetermin${query}`,
		actor: me,
		form,
		extra: { setHeaders: () => {} }
	});
}

type Loaded = {
	case: { id: number; consultantName: string; officePhone: string } | null;
	closed: boolean;
	cases: unknown[];
	week: {
		from: string;
		to: string;
		days: { date: string; slots: { value: string; format: string }[] }[];
	} | null;
	idempotencyKey?: string;
};
const view = async (e: never) => (await load(e)) as unknown as Loaded;
const book = (e: never) => Promise.resolve(actions.book!(e));

async function setup(): Promise<{
	s: TestServices;
	f: BookingFixture;
	caseId: number;
	kim: PortalCreative;
	alex: PortalCreative;
	alexCase: number;
}> {
	s = await testServices();
	setServices(s);
	const f = await bookingFixture(s);
	const k = await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
	const a = await confirmedBooking(s, f, {
		day: '2026-06-16',
		email: 'alex@example.org',
		name: 'Alex Anders'
	});
	// Issue 16: follow-ups follow a talk; both first talks took place.
	await s.db.updateTable('booking').set({ status: 'attended' }).execute();
	return {
		s,
		f,
		caseId: k.caseId,
		kim: await creativeActor(s, 'kim@example.org'),
		alex: await creativeActor(s, 'alex@example.org'),
		alexCase: a.caseId
	};
}

describe('/portal/folgetermin', () => {
	it('an open case without a talk yet offers no follow-up and explains why', async () => {
		const { s, caseId, kim } = await setup();
		await s.db.updateTable('booking').set({ status: 'confirmed' }).execute();
		const page = (await view(event(kim, `?fall=${caseId}`))) as Loaded & { noTalk: boolean };
		expect(page).toMatchObject({ noTalk: true, case: null, week: null, cases: [] });
		// Without ?fall= the same explanation, not "no accompaniment".
		expect(await view(event(kim))).toMatchObject({ noTalk: true, case: null, week: null, cases: [] });
		const r = (await book(
			event(kim, '', {
				caseId: String(caseId),
				slot: `${Date.parse('2026-06-23T08:00:00Z')}:office`,
				key: 'k'.repeat(20)
			})
		)) as {
			status: number;
			data: { message: string };
		};
		expect(r.status).toBe(409);
		expect(r.data.message).toContain('erstes Gespräch');
	});

	it('shows the case consultant’s slots of 14 days grouped by day; another creative’s case is 404', async () => {
		const { caseId, kim, alexCase } = await setup();
		const page = await view(event(kim, `?fall=${caseId}&ab=2026-06-17`));
		expect(page.case).toMatchObject({ id: caseId, consultantName: 'Berta Beraterin' });
		expect(page.week).toMatchObject({ from: '2026-06-17', to: '2026-06-30' });
		const days = page.week!.days;
		expect(days.length).toBeGreaterThan(0);
		expect(days.every((d) => d.date >= '2026-06-17' && d.date <= '2026-06-30')).toBe(true);
		expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
		const formats = new Set(days.flatMap((d) => d.slots.map((x) => x.format)));
		expect(formats).toEqual(new Set(['office', 'phone', 'video']));
		expect(days[0]!.slots[0]!.value).toMatch(/^\d+:(office|phone|video)$/);
		expect(page.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,}$/);
		// With exactly one open case, ?fall may be left out.
		expect((await view(event(kim))).case?.id).toBe(caseId);
		expect((await thrown(view(event(kim, `?fall=${alexCase}`)))).status).toBe(404);
		expect((await thrown(view(event(kim, '?fall=999999')))).status).toBe(404);
		expect((await thrown(view(event(kim, '?fall=abc')))).status).toBe(404);
	});

	it('books once per form, redirects to the portal, and keeps the choice with a German error when taken', async () => {
		const { s, caseId, kim, alex } = await setup();
		const page = await view(event(kim, `?fall=${caseId}&ab=2026-06-17`));
		const slot = page.week!.days[0]!.slots[0]!.value;
		const form = { caseId: String(caseId), slot, key: page.idempotencyKey! };
		const done = await thrown(book(event(kim, `?fall=${caseId}&/book`, form)));
		expect(done).toMatchObject({ status: 303, location: '/portal?folgetermin=gebucht' });
		// The same form sent twice books nothing twice.
		expect(await thrown(book(event(kim, `?fall=${caseId}&/book`, form)))).toMatchObject({ status: 303 });
		const followUps = await s.db.selectFrom('booking').selectAll().where('kind', '=', 'follow_up').execute();
		expect(followUps).toHaveLength(1);
		expect(Number(followUps[0]!.case_id)).toBe(caseId);
		expect(`${followUps[0]!.start_at}:${followUps[0]!.format}`).toBe(slot);

		// A fresh form with the slot just taken: field error, value kept.
		const again = (await book(
			event(kim, `?fall=${caseId}&/book`, { ...form, key: 'another-key-0123456789' })
		)) as { status: number; data: { values: { slot: string }; errors: { slot?: string } } };
		expect(again.status).toBe(409);
		expect(again.data.values.slot).toBe(slot);
		expect(again.data.errors.slot).toContain('vergeben');
		const none = (await book(event(kim, `?fall=${caseId}&/book`, { caseId: String(caseId) }))) as {
			status: number;
			data: { errors: { slot?: string } };
		};
		expect(none.status).toBe(400);
		expect(none.data.errors.slot).toBe('Bitte wählen Sie einen Termin.');
		// Someone else posting for Kim's case gets 404 and books nothing.
		const other = page.week!.days[0]!.slots[1]!.value;
		expect(
			(
				await thrown(
					book(event(alex, '?/book', { caseId: String(caseId), slot: other, key: 'alex-key-0123456789' }))
				)
			).status
		).toBe(404);
		expect(
			await s.db.selectFrom('booking').select('id').where('kind', '=', 'follow_up').execute()
		).toHaveLength(1);
	});

	it('without slots it names the office’s phone and e-mail; a closed case offers none', async () => {
		const { s, f, caseId, kim } = await setup();
		await s.db.deleteFrom('availability_rule').where('consultant_id', '=', f.consultantId).execute();
		const page = await view(event(kim, `?fall=${caseId}`));
		expect(page.week!.days).toEqual([]);
		expect(page.case!.officePhone).toBe('0234 123456');
		await closeCase(s, consultant(f), officeScope(f.officeId), { caseId, reason: 'other', outcome: null });
		const closed = await view(event(kim, `?fall=${caseId}`));
		expect(closed).toMatchObject({ closed: true, case: null });
		expect(await view(event(kim))).toMatchObject({ closed: false, noTalk: false, case: null, cases: [] });
	});
});
