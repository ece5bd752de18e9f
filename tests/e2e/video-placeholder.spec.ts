import { expect, test } from './support';
import { expectAccessible } from './support';

/** Issue 11: without VIDEO_BASE_URL a video link leads to an honest placeholder page, not a 404. */
test('a placeholder video link explains itself (and an older /video/<id> link too)', async ({ page }) => {
	for (const path of ['/video/platzhalter/Ab3dEf6hIj9kLm0n', '/video/Ab3dEf6hIj9kLm0n']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Videoraum (Platzhalter)');
		await expect(page.getByText('noch kein Videodienst eingerichtet')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Kontaktdaten der Regionalbüros' })).toHaveAttribute(
			'href',
			'/regionalbuero'
		);
	}
	await expectAccessible(page, 'video placeholder');
	await page.goto('/en/video/platzhalter/Ab3dEf6hIj9kLm0n');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Video room (placeholder)');
});
