import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { DEMO_PASSWORD, expectAccessible } from './support';

test('20 wrong passwords for one account: 429 with Retry-After, even for the right password, with a German message', async ({
	page,
	baseURL
}) => {
	allowFailedLoads([400, 429], 'wrong passwords are sent until the sign-in is throttled, on purpose');
	const email = 'ole.janssen@demo.kreativlotse.de';
	const statuses: number[] = [];
	let retryAfter: string | undefined;
	for (let i = 0; i < 20; i++) {
		const res = await page.request.post('/anmelden', {
			form: { email, password: `falsch-${i}` },
			headers: { origin: baseURL!, accept: 'text/html' }
		});
		statuses.push(res.status());
		if (res.status() === 429) retryAfter = res.headers()['retry-after'];
	}
	expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
	expect(statuses.slice(5)).toEqual(Array(15).fill(429));
	expect(Number(retryAfter)).toBeGreaterThan(0);
	expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
	// No 5xx anywhere.
	expect(statuses.every((s) => s < 500)).toBe(true);

	await page.goto('/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.url().includes('/anmelden') && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Anmelden' }).click()
	]);
	expect(response.status()).toBe(429);
	await expect(page.getByRole('alert')).toContainText(/Minute|Versuche/);
	await expectAccessible(page, 'login throttled');
});
