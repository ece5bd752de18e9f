import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { signInAsNewCreative } from './creative-support';
import { ADMIN, expect, expectAccessible, login, test } from './support';
import { allowFailedLoads } from './support';
import { noiseJpeg } from '../support/noise-jpeg';

/**
 * Issue 11: profile photos as phones take them. The body limit (server.mjs BODY_SIZE_LIMIT) fits the
 * largest accepted image, a larger file gets a message with the limit in MB from the real server,
 * an undecodable one says which formats work, and the alt text survives a refusal.
 */
test.setTimeout(240_000);

const MB = 1024 * 1024;

/** A creative known to the portal (through a booking), signed in, with a saved profile. */
async function creativeWithProfile(page: Page, admin: Page): Promise<void> {
	await signInAsNewCreative(page, admin, { name: 'Fiona Foto' });
	await page.goto('/portal/profil');
	await page.getByLabel('Anzeigename').fill(`Fiona Foto ${Date.now()}`);
	await page.getByLabel('Designwirtschaft').check();
	await page.getByLabel('Land', { exact: true }).selectOption('DE-NW');
	await page.getByLabel('Ort', { exact: true }).fill('Bochum');
	await page.getByLabel('Kurzbeschreibung').fill('Fotografie für Kultur und Kommunen.');
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Ihr Profil ist gespeichert.');
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt: string) {
	await page.getByLabel('Bilddatei').setInputFiles(file);
	await page.getByLabel('Bildbeschreibung').fill(alt);
	await page.getByRole('button', { name: 'Bild hochladen' }).click();
}

test('a 5 MB and a 12 MP photo upload; 30 MB and an unreadable file get messages that say why', async ({
	browser
}) => {
	allowFailedLoads([400, 413], 'a 30 MB and an unreadable file are uploaded on purpose');
	const page = await (await browser.newContext()).newPage();
	const admin = await (await browser.newContext()).newPage();
	await login(admin, ADMIN);
	await creativeWithProfile(page, admin);
	await expect(page.getByText('JPEG, PNG, WebP oder AVIF, höchstens 20 MB.')).toBeVisible();

	// A 5 MB JPEG (far past adapter-node's default limit of 512 KB).
	const five = await noiseJpeg(3000, 2300).toBuffer();
	expect(five.length).toBeGreaterThan(5 * MB);
	await upload(page, { name: 'fuenf.jpg', mimeType: 'image/jpeg', buffer: five }, 'Fünf Megabyte');
	await expect(page.getByRole('status')).toHaveText('Ihr Bild ist gespeichert.');

	// A 12 MP phone photo, taken upright (EXIF orientation 6): stored upright and at most 1200 pixels.
	const twelve = await noiseJpeg(4000, 3000).toBuffer();
	await upload(page, { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: twelve }, 'Zwölf Megapixel');
	await expect(page.getByRole('status')).toHaveText('Ihr Bild ist gespeichert.');
	const stored = await page.request.get('/portal/profil/bild');
	expect(stored.headers()['content-type']).toBe('image/jpeg');
	const meta = await sharp(await stored.body()).metadata();
	expect([meta.width, meta.height]).toEqual([900, 1200]);
	expect(meta.exif).toBeUndefined();

	// 30 MB: past BODY_SIZE_LIMIT, refused by the HTTP layer unread; the page says the limit in MB.
	const thirty = Buffer.alloc(30 * MB, 7);
	thirty.set([0xff, 0xd8, 0xff], 0);
	await upload(page, { name: 'riesig.jpg', mimeType: 'image/jpeg', buffer: thirty }, 'Zu groß');
	await expect(page.getByText('Die Datei ist größer als 20 MB.').first()).toBeVisible();
	await expectAccessible(page, 'image too large');

	// Between the image limit and the body limit the form is read: the message, and the alt text kept.
	const twentyTwo = Buffer.alloc(22 * MB, 7);
	twentyTwo.set([0xff, 0xd8, 0xff], 0);
	await upload(page, { name: 'gross.jpg', mimeType: 'image/jpeg', buffer: twentyTwo }, 'Etwas zu groß');
	await expect(page.getByText('Die Datei ist größer als 20 MB.').first()).toBeVisible();
	await expect(page.getByLabel('Bildbeschreibung')).toHaveValue('Etwas zu groß');

	// Not an image at all, and an image that cannot be decoded: each says so, the alt text stays.
	await upload(
		page,
		{ name: 'notiz.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('kein Bild') },
		'Notiz'
	);
	await expect(page.getByText('Das ist kein JPEG-, PNG-, WebP- oder AVIF-Bild.').first()).toBeVisible();
	await expect(page.getByLabel('Bildbeschreibung')).toHaveValue('Notiz');
	await expectAccessible(page, 'image not an image');
	const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 3)]);
	await upload(page, { name: 'kaputt.jpg', mimeType: 'image/jpeg', buffer: broken }, 'Kaputt');
	await expect(page.getByText('Das Bild lässt sich nicht lesen.').first()).toBeVisible();
	await expect(page.getByLabel('Bildbeschreibung')).toHaveValue('Kaputt');
});
