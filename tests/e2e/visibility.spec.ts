import type { Page } from '@playwright/test';
import jpeg from 'jpeg-js';
import { submitEachFormEmpty } from './empty-forms';
import { ADMIN, expect, expectAccessible, hydrated, login, mailText, test } from './support';
import { allowFailedLoads } from './support';
import { requestBooking } from './booking-steps';

test.setTimeout(240_000);

const LEAD_BE = 'katrin.lehmann@demo.kreativlotse.de';

/** A real JPEG with an EXIF APP1 segment carrying a location-like marker. */
function jpegWithExif(): Buffer {
	const plain = jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 120), width: 8, height: 8 }, 90).data;
	const payload = Buffer.concat([
		Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\0', 'latin1'),
		Buffer.from('GPS-SECRET-52.52N')
	]);
	const head = Buffer.alloc(4);
	head.writeUInt16BE(0xffe1, 0);
	head.writeUInt16BE(payload.length + 2, 2);
	return Buffer.concat([plain.subarray(0, 2), head, payload, plain.subarray(2)]);
}

/** The text of the newest mail to `to` whose subject contains `subject` (staff outbox viewer). */
async function mailOf(admin: Page, to: string, subject: string): Promise<string> {
	return mailText(admin, to, new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

test('a creative publishes a profile, staff approve it, a decision maker’s request brokers an introduction', async ({
	browser
}) => {
	allowFailedLoads(
		[400, 404],
		'a bad link and a non-image are sent, and the withdrawn profile is asked for, on purpose'
	);
	const stamp = Date.now();
	const email = `profil.${stamp}@example.org`;
	const name = `Studio Lichtblick ${stamp}`;
	const dmEmail = `kultur.${stamp}@gemeinde.example`;
	const creative = await (await browser.newContext()).newPage();

	// A booking makes the address known to the portal (quickest: first video slot of nw).
	await requestBooking(creative, 'land=DE-NW&buero=nw&format=video', {
		name: 'Lea Licht',
		email,
		submarket: 'design',
		stage: 'idee',
		concern: 'Sichtbarkeit für mein Studio'
	});
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Bitte bestätigen Sie Ihre E-Mail');

	await creative.goto('/portal/anmelden');
	await creative.getByLabel('E-Mail-Adresse').fill(email);
	await creative.getByRole('button', { name: 'Anmeldelink senden' }).click();
	const admin = await (await browser.newContext()).newPage();
	await login(admin, ADMIN);
	const loginLink = (await mailOf(admin, email, 'Kreativlotse: Ihr Anmeldelink')).match(
		/https?:\/\/\S+\/portal\/anmelden\/[A-Za-z0-9_-]+/
	)![0];
	await creative.goto(loginLink);
	await creative.getByRole('button', { name: 'Jetzt anmelden' }).click();
	await creative.getByRole('link', { name: 'Mein Profil' }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText('Mein Profil');
	await expectAccessible(creative, 'empty profile');

	// 1. Profile: not public by default.
	await creative.getByLabel('Anzeigename').fill(name);
	await creative.getByLabel('Studio oder Büro').check();
	await creative.getByLabel('Designwirtschaft').check();
	await creative.getByLabel('Land', { exact: true }).selectOption('DE-BE');
	await creative.getByLabel('Ort', { exact: true }).fill('Berlin');
	await creative.getByLabel('Kurzbeschreibung').fill('Illustration und Plakate für Kultur und Kommunen.');
	await creative.getByLabel('Leistungen').fill('Illustration\nPlakatgestaltung');
	await creative.getByLabel('Link 1 (optional)').fill('javascript:alert(1)');
	await creative.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(
		creative.getByText('Bitte eine vollständige Adresse mit http:// oder https:// angeben.').first()
	).toBeVisible();
	await expectAccessible(creative, 'profile with a bad link');
	await creative.getByLabel('Link 1 (optional)').fill('https://lichtblick.example.org/');
	await creative.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(creative.getByRole('status')).toHaveText('Ihr Profil ist gespeichert.');
	await expect(creative.getByText('Status: Nicht veröffentlicht')).toBeVisible();

	// An upload that is not an image is refused; a JPEG loses its EXIF.
	await creative
		.getByLabel('Bilddatei')
		.setInputFiles({ name: 'bild.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really an image') });
	await creative.getByRole('button', { name: 'Bild hochladen' }).click();
	await expect(creative.getByText('Das ist kein JPEG-, PNG-, WebP- oder AVIF-Bild.').first()).toBeVisible();
	await expectAccessible(creative, 'image refused');
	await creative
		.getByLabel('Bilddatei')
		.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: jpegWithExif() });
	await creative.getByLabel('Bildbeschreibung').fill('Logo des Studios');
	await creative.getByRole('button', { name: 'Bild hochladen' }).click();
	await expect(creative.getByRole('status')).toHaveText('Ihr Bild ist gespeichert.');

	// Saved and with an image, but not published: not in the API.
	expect(JSON.stringify(await (await creative.request.get('/api/v1/profiles')).json())).not.toContain(name);

	await creative.getByLabel('Ich möchte, dass mein Profil öffentlich erscheint.').check();
	await creative.getByRole('button', { name: 'Profil veröffentlichen' }).click();
	await expect(creative.getByRole('status')).toHaveText(
		'Ihr Profil wartet jetzt auf die Freigabe durch das Regionalbüro.'
	);
	await expectAccessible(creative, 'profile pending');

	// 2. Staff approve.
	const staff = await (await browser.newContext()).newPage();
	await login(staff, LEAD_BE);
	await staff.goto('/intern/buero/be-bb');
	await staff.getByRole('link', { name: 'Sichtbarkeit' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		'Sichtbarkeit: Regionalbüro Berlin und Brandenburg'
	);
	await expectAccessible(staff, 'moderation queue');
	// form census: /intern/buero/[key]/sichtbarkeit
	await submitEachFormEmpty(staff, 'moderation queue', () => staff.goto('/intern/buero/be-bb/sichtbarkeit'));
	await staff.getByRole('button', { name: `Freigeben: ${name}` }).click();
	await expect(staff.getByRole('status')).toHaveText('Gespeichert.');

	// 3. Found in /kreative, page with JSON-LD, image without EXIF, API without e-mail.
	await creative.goto('/kreative');
	await creative.getByLabel('Suchbegriff').fill('Lichtblick');
	await creative.getByLabel('Teilmarkt').selectOption('design');
	await creative.getByRole('button', { name: 'Suchen' }).click();
	await expectAccessible(creative, 'directory search');
	await creative.getByRole('link', { name }).click();
	await expect(creative.getByRole('heading', { level: 1 })).toHaveText(name);
	await expectAccessible(creative, 'profile page');
	const url = creative.url();
	const id = Number(/\/kreative\/(\d+)/.exec(url)![1]);
	const ld = JSON.parse((await creative.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
	expect(ld['@type']).toBe('Organization');
	expect(ld.name).toBe(name);
	expect(await creative.content()).not.toContain(email);
	const image = await creative.request.get(`/kreative/${id}/bild`);
	expect(image.headers()['content-type']).toBe('image/jpeg');
	const bytes = await image.body();
	expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
	expect(bytes.includes(Buffer.from('GPS-SECRET'))).toBe(false);
	const api = await (await creative.request.get('/api/v1/profiles')).json();
	expect(api.profiles.some((p: { id: number }) => p.id === id)).toBe(true);
	expect(JSON.stringify(api)).not.toContain('@example.org');

	// Contact form relays, never reveals the address.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(url);
	await hydrated(visitor);
	await visitor.getByLabel('Ihr Name').fill('Max Muster');
	await visitor.getByLabel('Ihre E-Mail-Adresse').fill(`max.${stamp}@example.net`);
	await visitor.getByLabel('Ihre Nachricht').fill('Hallo, wir suchen Plakate für ein Festival.');
	await visitor
		.getByLabel(`Meine Nachricht darf mit Name und E-Mail-Adresse an ${name} weitergeleitet werden.`)
		.check();
	await visitor.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(visitor.getByRole('status')).toHaveText('Ihre Nachricht ist weitergeleitet.');
	expect(await visitor.content()).not.toContain(email);
	await expectAccessible(visitor, 'contact sent');
	expect(await mailOf(admin, email, 'Nachricht über Ihr Profil')).toContain(`max.${stamp}@example.net`);

	// 4. A decision maker posts a request and confirms the address.
	const dm = await (await browser.newContext()).newPage();
	await dm.goto('/gesuche/neu');
	await hydrated(dm);
	await expectAccessible(dm, 'request form');
	await dm.getByLabel('Name der Organisation').fill('Gemeinde Beispielstadt');
	await dm.getByLabel('Art der Organisation').selectOption('municipality');
	await dm.getByLabel('Ansprechperson').fill('Frau Kultur');
	await dm.getByLabel('E-Mail-Adresse').fill(dmEmail);
	await dm.getByLabel('Titel').fill(`Plakate für das Stadtfest ${stamp}`);
	await dm.getByLabel('Was suchen Sie?').fill('Wir suchen Illustration für eine Plakatserie zum Stadtfest.');
	await dm.getByLabel('Designwirtschaft').check();
	await dm.getByLabel('Land', { exact: true }).selectOption('DE-BE');
	await dm.getByLabel('Ich stimme der Verarbeitung meiner Angaben zu.').check();
	await dm.getByRole('button', { name: 'Gesuch senden' }).click();
	await expect(dm.getByRole('status')).toContainText('Bitte bestätigen Sie Ihre E-Mail-Adresse');
	const confirm = (await mailOf(admin, dmEmail, 'Bitte bestätigen Sie Ihr Gesuch')).match(
		/https?:\/\/\S+\/gesuche\/bestaetigen\/[A-Za-z0-9_-]+/
	)![0];
	await dm.goto(confirm);
	await expectAccessible(dm, 'request confirm page');
	await dm.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
	await expect(dm.getByRole('status')).toContainText('liegt jetzt beim Regionalbüro');

	// 5. Staff approve the request and propose the creative; the creative accepts.
	await staff.goto('/intern/buero/be-bb/sichtbarkeit');
	await staff.getByRole('button', { name: `Freigeben: Plakate für das Stadtfest ${stamp}` }).click();
	await staff.getByRole('link', { name: `Bearbeiten: Plakate für das Stadtfest ${stamp}` }).click();
	await expectAccessible(staff, 'request page');
	await staff.getByLabel('Suchbegriff').fill('Lichtblick');
	await staff.getByRole('button', { name: 'Suchen' }).click();
	await staff.getByRole('button', { name: `Vorschlagen: ${name}` }).click();
	await expect(staff.getByText('vorgeschlagen, Antwort offen')).toBeVisible();
	await expectAccessible(staff, 'introduction proposed');

	const proposal = await mailOf(admin, email, 'Möchten Sie vorgestellt werden?');
	expect(proposal).not.toContain(dmEmail);
	const introLink = proposal.match(/https?:\/\/\S+\/vorstellung\/[A-Za-z0-9_-]+/)![0];
	await creative.goto(introLink);
	await expectAccessible(creative, 'introduction page');
	await creative.getByLabel('Kurze Nachricht (freiwillig)').fill('Sehr gern!');
	await creative.getByRole('button', { name: 'Zustimmen und Kontaktdaten austauschen' }).click();
	await expect(creative.getByRole('status')).toContainText('Kontaktdaten der anderen Seite');
	await expectAccessible(creative, 'introduction accepted');

	// Both receive the other's contact data by mail.
	expect(await mailOf(admin, dmEmail, 'Kontakt zu')).toContain(email);
	expect(await mailOf(admin, email, 'Kontaktdaten für')).toContain(dmEmail);

	// The outcome is recorded.
	await staff.reload();
	await staff.getByLabel('Kooperation').check();
	await staff.getByRole('button', { name: 'Ergebnis speichern' }).click();
	await expect(staff.getByText('Ergebnis: Kooperation')).toBeVisible();
	await expectAccessible(staff, 'outcome recorded');

	// Unpublished: unreachable by URL, image, API and search at once.
	await creative.goto('/portal/profil');
	await creative.getByRole('button', { name: 'Profil zurückziehen' }).click();
	await expect(creative.getByRole('status')).toHaveText('Ihr Profil ist nicht mehr öffentlich.');
	expect((await visitor.goto(url))?.status()).toBe(404);
	expect((await visitor.request.get(`/kreative/${id}/bild`)).status()).toBe(404);
	const after = await (await visitor.request.get('/api/v1/profiles')).json();
	expect(after.profiles.some((p: { id: number }) => p.id === id)).toBe(false);
	await visitor.goto('/kreative?q=Lichtblick');
	await expect(visitor.getByRole('link', { name })).toHaveCount(0);
});
