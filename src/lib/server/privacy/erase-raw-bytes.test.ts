import { sql } from 'kysely';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dialectUnderTest, type TestServices, testServices } from '../../../../tests/support/test-database';
import { DAY } from '../../time/durations';
import { confirmBooking, holdBooking } from '../booking/commands';
import { bookingFixture, holdInput, slotsOn, tokenFrom } from '../../../../tests/support/booking-fixtures';
import { consultant, officeScope } from '../../../../tests/support/case-fixtures';
import { recordConsultation } from '../cases/record';
import { answerCheckIn } from '../checkins/answer';
import { tokenFromMail } from '../../../../tests/support/checkin-fixtures';
import { sendDueCheckIns } from '../checkins/send';
import { eraseCreative } from './erase';
import { unfold } from './outbox-scrub';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { publishedEventRow } from '../../../../tests/support/event-fixtures';

let s = servicesClosedAfterEach();

/** Every value the person enters on the way, each distinctive enough to be found as raw bytes. */
const ENTERED = {
	name: 'Quirin Zaunkönig',
	email: 'quirin.zaunkoenig@example.org',
	phone: '0171 8234567',
	postcode: '44799',
	concern: 'Mein Anliegen: Honorar für Wandmalerei am Bahnhof Kray',
	situation: 'Lage: Quirin plant ein Atelier im Hinterhof Wattenscheid',
	advice: 'Rat: Förderantrag Kulturbüro Gelsenkirchen prüfen',
	step: 'Schritt: Kostenplan Atelier Wattenscheid schreiben',
	changed: 'Antwort: Atelier Wattenscheid angemietet',
	questions: 'Frage: Versicherung für Leiterarbeiten Kray',
	registrationAnswer: 'Antwort zur Veranstaltung: Rollstuhlplatz Zaunkönig',
	profileBio: 'Bio: Wandmalerei aus Wattenscheid seit 2011'
};

/**
 * Issue 13 acceptance (SQLite): after "delete my account", the database file and its WAL, with
 * iCalendar lines unfolded, contain none of the values the person entered; the statistics facts
 * are unchanged. secure_delete zeroes freed cells; the checkpoint empties the WAL.
 */
describe('erasure leaves no raw bytes', () => {
	it.skipIf(dialectUnderTest !== 'sqlite')(
		'database file and WAL hold none of the values entered',
		async () => {
			s = await testServices();
			const f = await bookingFixture(s);
			// The postcode is also reference data (the shipped table holds every German postcode), so it
			// is in the file before the person enters it: erasure must bring its count back to that.
			const dbPath = (s.config.database as { path: string }).path;
			await checkpointForTest(s);
			const postcodeBaseline = occurrences(
				readFileSync(dbPath).toString('latin1') + readWal(dbPath),
				ENTERED.postcode
			);
			const slot = (await slotsOn(s, f, '2026-06-16'))[0]!;
			const base = holdInput(f, slot.start);
			const held = await holdBooking(s, {
				...base,
				intake: {
					...base.intake,
					name: ENTERED.name,
					email: ENTERED.email,
					phone: ENTERED.phone,
					postcode: ENTERED.postcode,
					concern: ENTERED.concern
				},
				consents: { processing: true, notes: true, news: false }
			});
			if (!held.ok) throw new Error('hold failed');
			const holdMail = await s.db
				.selectFrom('outbox')
				.select('text_body')
				.where('template', '=', 'booking.hold')
				.executeTakeFirstOrThrow();
			expect((await confirmBooking(s, tokenFrom(holdMail.text_body, '/termin/bestaetigen/'))).ok).toBe(true);
			const booking = await s.db
				.selectFrom('booking')
				.select(['case_id'])
				.where('id', '=', held.bookingId)
				.executeTakeFirstOrThrow();
			const caseId = Number(booking.case_id);

			s.clock.set(new Date(slot.start + 2 * 3600_000));
			const record = await recordConsultation(
				s,
				consultant(f),
				officeScope(f.officeId),
				{
					caseId,
					bookingId: held.bookingId,
					heldAt: null,
					format: 'office',
					topics: ['finanzierung'],
					outcome: 'plan_agreed',
					situation: ENTERED.situation,
					advice: ENTERED.advice,
					followUpWeeks: 2,
					share: { advice: true, steps: true, referrals: true },
					steps: [{ text: ENTERED.step, owner: 'creative', dueOn: null }],
					referralServiceIds: [],
					idempotencyKey: null
				},
				async () => []
			);
			expect(record.ok).toBe(true);

			// The check-in falls due; the person answers on the mail's page.
			s.clock.set(new Date(slot.start + 40 * DAY));
			expect(await sendDueCheckIns(s)).toBe(1);
			const token = await tokenFromMail(s, 'checkins.check_in', ENTERED.email, '/rueckmeldung');
			const answered = await answerCheckIn(s, token, {
				stepsDone: [],
				changed: ENTERED.changed,
				questions: ENTERED.questions,
				wantsFollowUp: true
			});
			expect(answered.ok).toBe(true);

			// An event registration and a profile with what the person typed.
			const t = s.clock.now().getTime();
			const event = await s.db
				.insertInto('event')
				.values(
					publishedEventRow(t, {
						office_id: f.officeId,
						type: 'workshop',
						title: 'Werkstatt',
						format: 'onsite',
						start_at: t + 10 * DAY,
						end_at: t + 10 * DAY + 7200_000,
						capacity: 10,
						contact_name: 'Berta Beraterin',
						contact_email: 'berta@kreativlotse.example'
					})
				)
				.returning('id')
				.executeTakeFirstOrThrow();
			await s.db
				.insertInto('event_registration')
				.values({
					event_id: Number(event.id),
					status: 'confirmed',
					attendance: null,
					name: ENTERED.name,
					email: ENTERED.email,
					submarket: 'design',
					answers: JSON.stringify([ENTERED.registrationAnswer]),
					consent_processing_version: 1,
					consented_at: t,
					created_at: t,
					updated_at: t
				})
				.execute();
			const creative = await s.db
				.selectFrom('creative')
				.select('id')
				.where('email', '=', ENTERED.email)
				.executeTakeFirstOrThrow();
			await s.db
				.insertInto('profile')
				.values({
					creative_id: Number(creative.id),
					office_id: f.officeId,
					kind: 'person',
					display_name: ENTERED.name,
					land_iso: 'DE-NW',
					town: 'Wattenscheid',
					bio: ENTERED.profileBio,
					contact_preference: 'form',
					status: 'published',
					created_at: t,
					updated_at: t
				})
				.execute();

			const stats = JSON.stringify(
				await s.db.selectFrom('stat_consultation').selectAll().orderBy('id').execute()
			);
			expect(stats).not.toBe('[]');

			const path = (s.config.database as { path: string }).path;
			const rawBefore = unfold(readFileSync(path).toString('latin1') + readWal(path));
			// The test can fail: before erasure the values are there (file or WAL).
			expect(rawBefore).toContain(ENTERED.email);

			expect((await eraseCreative(s, Number(creative.id))).ok).toBe(true);

			const raw = unfold(readFileSync(path).toString('utf8') + readWal(path));
			const rawLatin = unfold(readFileSync(path).toString('latin1') + readWal(path, 'latin1'));
			for (const [what, value] of Object.entries(ENTERED)) {
				if (what === 'postcode') continue;
				expect.soft(raw.includes(value) || rawLatin.includes(value), what).toBe(false);
			}
			expect.soft(occurrences(rawLatin, ENTERED.postcode), 'postcode').toBe(postcodeBaseline);
			expect(readWal(path).length).toBe(0);
			expect(
				JSON.stringify(await s.db.selectFrom('stat_consultation').selectAll().orderBy('id').execute())
			).toBe(stats);
		}
	);
});

function occurrences(haystack: string, needle: string): number {
	return haystack.split(needle).length - 1;
}

/** Moves the WAL into the file so the baseline count is taken over the same bytes as the final one. */
async function checkpointForTest(t: TestServices): Promise<void> {
	await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.db);
}

function readWal(path: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
	return existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString(encoding) : '';
}
