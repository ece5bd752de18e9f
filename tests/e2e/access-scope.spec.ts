import { expect, test } from './support';
import { allowFailedLoads } from './support';
import { ADMIN, expectAccessible, login } from './support';

const LEAD_HH = 'jana.petersen@demo.kreativlotse.de';

test('an office lead cannot open another office’s staff page; the denial is audited', async ({ browser }) => {
	allowFailedLoads([404], 'the lead is denied another office’s pages on purpose');
	const leadContext = await browser.newContext();
	const lead = await leadContext.newPage();
	await login(lead, LEAD_HH);
	const own = await lead.goto('/intern/buero/hh-mv-sh');
	expect(own?.status()).toBe(200);
	const other = await lead.goto('/intern/buero/be-bb');
	expect(other?.status()).toBe(404);
	await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
	await expectAccessible(lead, 'denied office page');
	// Admin pages are just as closed.
	expect((await lead.goto('/intern/admin/benutzer'))?.status()).toBe(404);
	// A form action on another office is denied too, not only the page.
	const post = await leadContext.request.post('/intern/buero/be-bb', {
		form: { phone: '+49 30 1' },
		headers: { origin: new URL(lead.url()).origin, accept: 'text/html' }
	});
	expect(post.status()).toBe(404);
	await leadContext.close();

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await login(admin, ADMIN);
	await admin.goto('/intern/admin/protokoll');
	await expectAccessible(admin, 'audit log');
	await admin.getByLabel('Aktion').selectOption('access.denied');
	await admin.getByLabel(/^Person/).fill(LEAD_HH);
	await admin.getByRole('button', { name: 'Anzeigen' }).click();
	const rows = admin.locator('tbody tr');
	await expect(rows.first()).toContainText('access.denied');
	await expect(rows.first()).toContainText(LEAD_HH);
	expect(await rows.count()).toBeGreaterThanOrEqual(3);
	await expectAccessible(admin, 'audit log filtered');
	await adminContext.close();
});
