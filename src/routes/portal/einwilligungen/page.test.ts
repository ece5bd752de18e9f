import { describe, expect, it } from 'vitest';
import { creativeActor, type PortalCreative } from '../../../../tests/support/portal-fixtures';
import { routeEvent, thrown } from '../../../../tests/support/route-events';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { confirmedBooking } from '../../../../tests/support/case-fixtures';
import { setServices } from '$lib/server/runtime';
import { actions, load } from './+page.server';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 13: the news consent is withdrawn in the portal (POST), audited, and shown with its date. */
let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

function event(me: PortalCreative, query = '') {
	return routeEvent({ path: `/portal/einwilligungen${query}`, actor: me });
}

type Page = {
	canWithdrawNews: boolean;
	newsWithdrawn: boolean;
	consents: { kind: string; version: number | null; withdrawnAt: number | null }[];
};

const newsVersions = (s: TestServices, email: string) =>
	s.db
		.selectFrom('booking')
		.select('consent_news_version')
		.where('email', '=', email)
		.execute()
		.then((rows) => rows.map((r) => r.consent_news_version));

describe('/portal/einwilligungen: news consent', () => {
	it('withdraws the news consent of every booking of the person, audits it once and shows the date', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org', newsConsent: true });
		await confirmedBooking(s, f, {
			day: '2026-06-17',
			email: 'ole@example.org',
			name: 'Ole',
			newsConsent: true
		});
		const kim = await creativeActor(s, 'kim@example.org');

		const before = (await load(event(kim))) as Page;
		expect(before.canWithdrawNews).toBe(true);
		expect(before.consents.filter((c) => c.kind === 'news')).toEqual([
			expect.objectContaining({ kind: 'news', withdrawnAt: null })
		]);

		const r = await thrown(Promise.resolve(actions.withdrawNews!(event(kim))));
		expect(r).toMatchObject({ status: 303, location: '/portal/einwilligungen?news-widerrufen' });
		expect(await newsVersions(s, 'kim@example.org')).toEqual([null]);
		// Another person's consent stays.
		expect((await newsVersions(s, 'ole@example.org'))[0]).not.toBeNull();

		const after = (await load(event(kim, '?news-widerrufen'))) as Page;
		expect(after.canWithdrawNews).toBe(false);
		expect(after.newsWithdrawn).toBe(true);
		expect(after.consents.filter((c) => c.kind === 'news')).toEqual([
			expect.objectContaining({ kind: 'news', version: null, withdrawnAt: s.clock.now().getTime() })
		]);

		// Pressed again (a second tab): no error, no second audit row.
		expect(await thrown(Promise.resolve(actions.withdrawNews!(event(kim))))).toMatchObject({ status: 303 });
		const audits = await s.db
			.selectFrom('audit_event')
			.select(['actor_kind', 'subject_kind', 'subject_id', 'data'])
			.where('action', '=', 'consent.news_withdrawn')
			.execute();
		expect(audits).toEqual([
			{ actor_kind: 'creative', subject_kind: 'creative', subject_id: String(kim.id), data: '{"bookings":1}' }
		]);
	});

	it('offers no news withdrawal to someone who never gave the consent', async () => {
		s = await testServices();
		setServices(s);
		const f = await bookingFixture(s);
		await confirmedBooking(s, f, { day: '2026-06-16', email: 'kim@example.org' });
		const page = (await load(event(await creativeActor(s, 'kim@example.org')))) as Page;
		expect(page.canWithdrawNews).toBe(false);
		expect(page.consents.some((c) => c.kind === 'news')).toBe(false);
	});
});
