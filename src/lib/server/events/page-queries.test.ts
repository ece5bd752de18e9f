import { describe, expect, it } from 'vitest';
import { eventInput } from '../../../../tests/support/event-fixtures';
import { addOfficeLead, linkTokenFromMail } from '../../../../tests/support/identity-fixtures';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { publicEventPage, registrantPage } from './page-queries';
import { registerForEvent } from './register';
import { createEvent, publishEvent } from './staff';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 17: the two public event pages as one read each, on a migrated database. */
let s = servicesClosedAfterEach();

const START = Date.parse('2026-06-25T16:00:00Z');

/** A workshop of office nw with one place; published unless `draft`. */
async function workshop(svc: TestServices, draft = false) {
	const lead = await addOfficeLead(svc, 'nw');
	const staff = { id: lead.staff.id, email: lead.staff.email, scope: lead.scope, isNetworkAdmin: false };
	const created = await createEvent(
		svc,
		staff,
		lead.officeId,
		eventInput(START, {
			description: '**Honorare** <script>x</script>',
			topics: ['preise_honorare'],
			accessibility: null,
			capacity: 1,
			materialsUrl: null
		})
	);
	if (!created.ok) throw new Error(created.reason);
	if (!draft) await publishEvent(svc, staff, created.eventId);
	return created.eventId;
}

const at = (svc: TestServices, locale: 'de' | 'en' = 'de') => ({
	locale,
	now: svc.clock.now(),
	publicBaseUrl: 'https://kreativlotse.example'
});

describe('publicEventPage', () => {
	it('names the reference keys, sanitises the description, states the window and never the online link', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const id = await workshop(s);
		const page = await publicEventPage(s.db, id, at(s));
		expect(page?.event).toMatchObject({ id, title: 'Preise kalkulieren', officeKey: 'nw', capacity: 1 });
		expect(page?.event.submarkets).toEqual(['Filmwirtschaft']);
		expect(page?.event.topics).toHaveLength(1);
		expect(page?.event.topics[0]).not.toBe('preise_honorare');
		expect(page?.descriptionHtml).toContain('<strong>Honorare</strong>');
		expect(page?.descriptionHtml).not.toContain('<script');
		expect(page?.window).toBe('open');
		expect(page?.counts).toMatchObject({ remaining: 1 });
		expect(page?.jsonLd).toContain('application/ld+json');
		expect(JSON.stringify(page)).not.toContain('geheim-123');
	});

	it.each([
		['a draft', true, (id: number) => id],
		['an unknown id', false, (id: number) => id + 1000]
	])('%s is not public: null', async (_, draft, idOf) => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const id = await workshop(s, draft);
		expect(await publicEventPage(s.db, idOf(id), at(s))).toBeNull();
	});
});

describe('registrantPage', () => {
	it('a pending registration: confirm and cancel, no online link yet; a bad token answers its reason', async () => {
		s = await testServices({ now: '2026-06-15T08:00:00Z' });
		const eventId = await workshop(s);
		const r = await registerForEvent(s, {
			eventId,
			name: 'Kim Kreativ',
			email: 'kim@example.org',
			submarket: null,
			answers: [''],
			consents: { processing: true },
			locale: 'de'
		});
		expect(r).toMatchObject({ ok: true, status: 'pending' });
		const token = await linkTokenFromMail(s, 'kim@example.org', '/veranstaltungen/anmeldung');
		const page = await registrantPage(s.db, token, s.clock.now());
		if (!page.ok) throw new Error(page.reason);
		expect(page.view).toMatchObject({ eventId, name: 'Kim Kreativ', status: 'pending', onlineUrl: null });
		expect(page.view.can).toEqual({
			confirm: true,
			confirmWaitlist: false,
			cancel: true,
			accept: false,
			decline: false,
			reconfirm: false,
			feedback: false
		});
		expect(await registrantPage(s.db, 'kein-token', s.clock.now())).toEqual({ ok: false, reason: 'invalid' });
	});
});
