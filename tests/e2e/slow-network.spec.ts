import { expect, test } from './support';

// On a slow connection people type before the JavaScript has loaded. Hydration must not wipe
// what they typed or ticked (inputs use defaultValue/defaultChecked, not value/checked).
test('input typed before hydration survives it', async ({ page }) => {
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	const hydrated = () =>
		page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 20_000 });

	await page.goto('/anmelden', { waitUntil: 'commit' });
	await page.locator('#email').fill('typed@example.org');
	await hydrated();
	await expect(page.locator('#email')).toHaveValue('typed@example.org');

	await page.goto('/termin?land=DE-NW&buero=nw&format=office', { waitUntil: 'commit' });
	const slot = await page.locator('#slot').getAttribute('value');
	await page.goto(`/termin?land=DE-NW&buero=nw&format=office&slot=${slot}`, { waitUntil: 'commit' });
	await page.locator('#concern').fill('Mein Anliegen');
	await page.locator('#consent_processing').check();
	await hydrated();
	await expect(page.locator('#concern')).toHaveValue('Mein Anliegen');
	await expect(page.locator('#consent_processing')).toBeChecked();
});
