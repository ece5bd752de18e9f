import { expect, test } from './support';
import { login } from './support';

/**
 * Issue 5, item 3 over real HTTP: capacity N and N+20 parallel registrations through
 * POST /api/v1/events/{id}/registrations → exactly N "pending_confirmation", 20 "waitlisted",
 * all 201, no 5xx; the same Idempotency-Key answers with the same registration.
 */
test.setTimeout(120_000);
test.use({ actionTimeout: 15_000 });

// Consultant of he-rp-sl; no other spec signs in with this account.
const STAFF = 'jonas.hoffmann@demo.kreativlotse.de';
const CAPACITY = 3;

test('N+20 parallel API registrations: exactly N places, 20 on the waiting list, no 5xx', async ({
	browser,
	request
}) => {
	const staff = await (await browser.newContext()).newPage();
	await login(staff, STAFF);
	await staff.goto('/intern/buero/he-rp-sl/veranstaltungen/neu');
	const title = `Netzwerkabend ${Date.now()}`;
	const start = new Date(Date.now() + 14 * 86_400_000);
	const day = start.toISOString().slice(0, 10);
	await staff.getByLabel('Titel', { exact: true }).fill(title);
	await staff.getByLabel('Art', { exact: true }).selectOption('network');
	await staff.getByLabel('Online', { exact: true }).check();
	await staff.locator('#online_url').fill('https://video.example/netzwerk');
	await staff.locator('#start_date').fill(day);
	await staff.locator('#start_time').fill('18:00');
	await staff.locator('#end_time').fill('20:00');
	await staff.locator('#capacity').fill(String(CAPACITY));
	await staff.getByRole('button', { name: 'Als Entwurf speichern' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(title);
	await staff.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(staff.getByRole('status')).toHaveText('Die Veranstaltung ist veröffentlicht.');
	const eventId = staff.url().match(/veranstaltungen\/(\d+)/)![1]!;

	const stamp = Date.now();
	const body = (n: number) => ({
		name: `Parallel ${n}`,
		email: `parallel${n}.${stamp}@example.org`,
		submarket: 'musik',
		consents: { processing: true }
	});
	const responses = await Promise.all(
		Array.from({ length: CAPACITY + 20 }, (_, n) =>
			request.post(`/api/v1/events/${eventId}/registrations`, {
				data: body(n),
				headers: { 'idempotency-key': `parallel-${stamp}-${n}` }
			})
		)
	);
	const statuses = responses.map((r) => r.status());
	expect(statuses.filter((s) => s >= 500)).toEqual([]);
	expect(new Set(statuses)).toEqual(new Set([201]));
	const outcomes = await Promise.all(
		responses.map(async (r) => ((await r.json()) as { status: string }).status)
	);
	expect(outcomes.filter((o) => o === 'pending_confirmation')).toHaveLength(CAPACITY);
	expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(20);

	// A retried request (same key, same body) answers with the same registration, no new row.
	const again = await request.post(`/api/v1/events/${eventId}/registrations`, {
		data: body(0),
		headers: { 'idempotency-key': `parallel-${stamp}-0` }
	});
	expect(again.status()).toBeLessThan(300);
	expect(((await again.json()) as { status: string }).status).toBe(outcomes[0]);
	const list = await request.get('/api/v1/events');
	const listed = (
		(await list.json()) as { events: { id: number; registered: number; waitlisted: number }[] }
	).events.find((e) => String(e.id) === eventId);
	expect(listed).toMatchObject({ registered: CAPACITY, waitlisted: 20 });
});
