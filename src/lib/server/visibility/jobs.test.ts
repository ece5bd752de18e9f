import { describe, expect, it } from 'vitest';
import { addCreative } from '../../../../tests/support/creative-fixtures';
import { testServices } from '../../../../tests/support/test-database';
import { profileInput } from '../../../../tests/support/visibility-fixtures';
import { DAY, HOUR } from '../../time/durations';
import { runOpenForProjectsJobs } from './jobs';
import { ownProfile, renewOpenForProjects, saveProfile } from './profiles';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/**
 * Issue 17 (visibility's tests brought to booking's level): "open for projects" lapses 30 days
 * after it was set; three days before, one reminder; at the end the flag is cleared. The
 * timeline as a table, then the once-only and renewal rules.
 */
let s = servicesClosedAfterEach();

const input = profileInput({
	displayName: 'Ole Offen',
	landIso: 'DE-HH',
	town: 'Hamburg',
	bio: 'Komposition für Film und Theater.',
	services: ['Komposition'],
	openForProjects: true
});

async function openProfile() {
	s = await testServices();
	const creativeId = await addCreative(s, 'ole@example.org');
	expect((await saveProfile(s, creativeId, input)).ok).toBe(true);
	const own = (await ownProfile(s.db, creativeId, s.clock.now()))!;
	const row = () =>
		s!.db
			.selectFrom('profile')
			.select(['open_until', 'open_reminder_sent_at'])
			.where('id', '=', own.id)
			.executeTakeFirstOrThrow();
	const reminders = async () =>
		(
			await s!.db
				.selectFrom('outbox')
				.select('template')
				.where('to_address', '=', 'ole@example.org')
				.where('template', '=', 'visibility.open_reminder')
				.execute()
		).length;
	return { s, creativeId, profileId: own.id, row, reminders };
}

describe('"open for projects" over time', () => {
	// Rules as data: time passed since the flag was set → reminders so far, flag still set.
	const TIMELINE: [string, number, number, boolean][] = [
		['the day it is set', 0, 0, true],
		['26 days later', 26 * DAY, 0, true],
		['a minute before the three-day window', 27 * DAY - 60_000, 0, true],
		['three days before it lapses', 27 * DAY, 1, true],
		['one day before', 29 * DAY, 1, true],
		['the moment it lapses', 30 * DAY, 0, false],
		['a week after', 37 * DAY, 0, false]
	];
	for (const [when, after, reminders, open] of TIMELINE)
		it(`${when}: ${reminders} reminder(s), ${open ? 'still open' : 'cleared'}`, async () => {
			const p = await openProfile();
			const setAt = p.s.clock.now().getTime();
			expect(Number((await p.row()).open_until)).toBe(setAt + 30 * DAY);
			p.s.clock.advance(after);
			await runOpenForProjectsJobs(p.s);
			expect(await p.reminders()).toBe(reminders);
			expect((await p.row()).open_until !== null).toBe(open);
		});

	it('reminds once however often the job runs, and clears the flag at the end with an audit row', async () => {
		const p = await openProfile();
		p.s.clock.advance(28 * DAY);
		expect(await runOpenForProjectsJobs(p.s)).toEqual({ openReminders: 1, openExpired: 0 });
		p.s.clock.advance(HOUR);
		expect(await runOpenForProjectsJobs(p.s)).toEqual({ openReminders: 0, openExpired: 0 });
		expect(await p.reminders()).toBe(1);
		p.s.clock.advance(2 * DAY);
		expect(await runOpenForProjectsJobs(p.s)).toEqual({ openReminders: 0, openExpired: 1 });
		expect(await p.row()).toEqual({ open_until: null, open_reminder_sent_at: null });
		const audits = await p.s.db
			.selectFrom('audit_event')
			.select('action')
			.where('subject_kind', '=', 'profile')
			.where('subject_id', '=', String(p.profileId))
			.where('action', 'like', 'profile.open_%')
			.orderBy('id')
			.execute();
		expect(audits.map((a) => a.action)).toEqual(['profile.open_reminder_sent', 'profile.open_expired']);
	});

	it('a renewal after the reminder starts 30 new days with a reminder of their own', async () => {
		const p = await openProfile();
		p.s.clock.advance(28 * DAY);
		await runOpenForProjectsJobs(p.s);
		expect((await renewOpenForProjects(p.s, p.creativeId)).ok).toBe(true);
		const renewedAt = p.s.clock.now().getTime();
		expect(await p.row()).toEqual({ open_until: renewedAt + 30 * DAY, open_reminder_sent_at: null });
		p.s.clock.advance(26 * DAY);
		await runOpenForProjectsJobs(p.s);
		expect(await p.reminders()).toBe(1);
		p.s.clock.advance(2 * DAY);
		await runOpenForProjectsJobs(p.s);
		expect(await p.reminders()).toBe(2);
	});

	it('a deleted account gets no reminder', async () => {
		const p = await openProfile();
		await p.s.db
			.updateTable('creative')
			.set({ deleted_at: p.s.clock.now().getTime() })
			.where('id', '=', p.creativeId)
			.execute();
		p.s.clock.advance(28 * DAY);
		expect((await runOpenForProjectsJobs(p.s)).openReminders).toBe(0);
		expect(await p.reminders()).toBe(0);
	});
});
