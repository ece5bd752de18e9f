import { describe, expect, it } from 'vitest';
import type { TestServices } from '../../../../tests/support/test-database';
import {
	holdAndConfirm,
	servicesWithSlotsOn,
	holdInput,
	outbox
} from '../../../../tests/support/booking-fixtures';
import { managePage } from './queries';
import { isPlaceholderVideoUrl } from './video-link';
import { closeServicesAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 11: without VIDEO_BASE_URL a video link is an honest placeholder, never a dead end. */
let s: TestServices;
closeServicesAfterEach();

const DAY = '2026-06-17';

async function videoBooking(env: Record<string, string> = {}) {
	const fixture = await servicesWithSlotsOn(DAY, 'video', env);
	s = fixture.s;
	const confirmed = await holdAndConfirm(
		s,
		holdInput(fixture.f, fixture.slots[0]!.start, { format: 'video' })
	);
	const row = await s.db.selectFrom('booking').select('video_url').executeTakeFirstOrThrow();
	return { manageToken: confirmed.manageToken, url: row.video_url!, mail: (await outbox(s))[1]!.text_body };
}

describe('video links', () => {
	it.each([
		['https://kreativlotse.example/video/platzhalter/abc123', true],
		['https://video.example.org/raum/abc123', false],
		['https://kreativlotse.example/video/abc123', false],
		[null, false]
	])('%j is a placeholder: %j', (url, expected) => {
		expect(isPlaceholderVideoUrl(url)).toBe(expected);
	});

	it('without a video service: a placeholder link, and the mail and the booking page say so', async () => {
		const b = await videoBooking();
		expect(b.url).toMatch(/\/video\/platzhalter\/[A-Za-z0-9_-]{16}$/);
		expect(b.mail).toContain(b.url);
		expect(b.mail).toContain('Platzhalter-Link');
		expect(b.mail).toContain('noch kein Videodienst eingerichtet');
		const page = await managePage(s.db, b.manageToken, 'de', s.clock.now());
		expect(page).toMatchObject({ ok: true, booking: { videoUrl: b.url, videoPlaceholder: true } });
	});

	it('with VIDEO_BASE_URL: a room at the video service, no placeholder wording', async () => {
		const b = await videoBooking({ VIDEO_BASE_URL: 'https://meet.example.org/kl' });
		expect(b.url).toMatch(/^https:\/\/meet\.example\.org\/kl\/[A-Za-z0-9_-]{16}$/);
		expect(b.mail).not.toContain('Platzhalter');
		const page = await managePage(s.db, b.manageToken, 'de', s.clock.now());
		expect(page).toMatchObject({ ok: true, booking: { videoPlaceholder: false } });
	});
});
