import type { TestServices } from './test-database';
import { HOUR, DAY } from '../../src/lib/time/durations';
import type { BookingFixture } from './booking-fixtures';
import { publishedEventRow } from './event-fixtures';
import { retentionPeriods } from '../../src/lib/server/privacy/retention-rules';

/**
 * Rows of every retention category, one just past its period ("old") and one just inside it
 * ("young"), written straight into the tables so each rule is tested on exactly the columns it
 * reads. Returns the ids the retention test checks.
 */
export async function seedRetentionRows(s: TestServices, f: BookingFixture) {
	const now = s.clock.now().getTime();
	const p = retentionPeriods();
	const old = (days: number) => now - days * DAY - HOUR;
	const young = (days: number) => now - days * DAY + HOUR;
	const db = s.db;

	const creative = async (email: string, updated: number) =>
		Number(
			(
				await db
					.insertInto('creative')
					.values({
						email,
						email_verified_at: updated,
						created_at: updated,
						updated_at: updated,
						deleted_at: null
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	const booking = async (v: {
		email: string;
		status: 'expired' | 'cancelled' | 'attended' | 'confirmed';
		start: number;
		caseId?: number | null;
	}) =>
		Number(
			(
				await db
					.insertInto('booking')
					.values({
						office_id: f.officeId,
						consultant_id: f.consultantId,
						format: 'phone',
						start_at: v.start,
						end_at: v.start + HOUR,
						status: v.status,
						hold_expires_at: v.status === 'expired' ? v.start - 20 * DAY : null,
						name: `Name ${v.email}`,
						email: v.email,
						phone: '0171 5550101',
						postcode: '44787',
						land_iso: 'DE-NW',
						submarket: 'musik',
						stage: 'idea',
						concern: `Anliegen ${v.email}`,
						consent_processing_version: 1,
						consented_at: v.start - 30 * DAY,
						case_id: v.caseId ?? null,
						created_at: v.start - 30 * DAY,
						updated_at: v.start - 30 * DAY
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);

	// Unconfirmed: the hold lapsed (hold_expires_at) more than 30 days ago, or less.
	const expiredOld = await booking({
		email: 'expired-old@example.org',
		status: 'expired',
		start: old(p.bookings_unconfirmed) + 20 * DAY
	});
	const expiredYoung = await booking({
		email: 'expired-young@example.org',
		status: 'expired',
		start: young(p.bookings_unconfirmed) + 20 * DAY
	});
	// Past bookings without a case.
	const pastOld = await booking({
		email: 'past-old@example.org',
		status: 'cancelled',
		start: old(p.bookings_past)
	});
	const pastYoung = await booking({
		email: 'past-young@example.org',
		status: 'cancelled',
		start: young(p.bookings_past)
	});

	// Closed cases, each with a record, a step and its booking.
	const closedCase = async (email: string, closedAt: number) => {
		const creativeId = await creative(email, now);
		const id = Number(
			(
				await db
					.insertInto('case_file')
					.values({
						office_id: f.officeId,
						creative_id: creativeId,
						consultant_id: f.consultantId,
						name: `Fall ${email}`,
						status: 'closed',
						goals: `Ziele ${email}`,
						opened_at: closedAt - 100 * DAY,
						closed_at: closedAt,
						close_reason: 'no_further_need',
						close_outcome: `Ergebnis ${email}`,
						created_at: closedAt - 100 * DAY,
						updated_at: closedAt
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
		const bookingId = await booking({ email, status: 'attended', start: closedAt - 90 * DAY, caseId: id });
		await db
			.insertInto('consultation_record')
			.values({
				case_id: id,
				booking_id: bookingId,
				consultant_id: f.consultantId,
				held_at: closedAt - 90 * DAY,
				kind: 'first',
				format: 'phone',
				outcome: 'plan_agreed',
				situation: `Lage ${email}`,
				advice: `Rat ${email}`,
				follow_up_weeks: null,
				idempotency_key: null,
				created_at: closedAt - 90 * DAY,
				updated_at: closedAt - 90 * DAY
			})
			.execute();
		await db
			.insertInto('next_step')
			.values({
				case_id: id,
				record_id: null,
				text: `Schritt ${email}`,
				owner: 'creative',
				due_on: null,
				done_at: null,
				done_by_kind: null,
				created_at: closedAt - 90 * DAY
			})
			.execute();
		return { id, bookingId, creativeId };
	};
	const caseOld = await closedCase('case-old@example.org', old(p.cases_closed));
	const caseYoung = await closedCase('case-young@example.org', young(p.cases_closed));

	// People with nothing left: anonymised after 30 days; one with a booking is kept.
	const loneOld = await creative('lone-old@example.org', old(p.creatives_without_data));
	const loneYoung = await creative('lone-young@example.org', young(p.creatives_without_data));
	const withBooking = await creative('past-young@example.org', old(p.creatives_without_data));

	// Event registrations: the event ended more than 6 months ago, or less.
	const registration = async (email: string, end: number) => {
		const event = await db
			.insertInto('event')
			.values(
				publishedEventRow(end - 30 * DAY, {
					office_id: f.officeId,
					type: 'workshop',
					title: `Workshop ${email}`,
					format: 'onsite',
					start_at: end - 2 * HOUR,
					end_at: end,
					capacity: 10,
					contact_name: 'Berta Beraterin',
					contact_email: 'berta@kreativlotse.example',
					status: 'finished',
					finished_at: end,
					updated_at: end
				})
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		return Number(
			(
				await db
					.insertInto('event_registration')
					.values({
						event_id: Number(event.id),
						status: 'confirmed',
						attendance: 'attended',
						name: `Gast ${email}`,
						email,
						submarket: 'musik',
						answers: JSON.stringify([`Antwort ${email}`]),
						consent_processing_version: 1,
						consented_at: end - 10 * DAY,
						feedback_rating: 5,
						feedback_comment: `Kommentar ${email}`,
						created_at: end - 10 * DAY,
						updated_at: end
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	};
	const regOld = await registration('reg-old@example.org', old(p.event_registrations));
	const regYoung = await registration('reg-young@example.org', young(p.event_registrations));
	// Issue 16: waiting-list joins never confirmed, lapsed 24 h after joining (event still ahead).
	const lapsedWait = async (email: string, lapsedAt: number) => {
		const other = await registration(`other-${email}`, now + 30 * DAY);
		const eventId = (
			await db
				.selectFrom('event_registration')
				.select('event_id')
				.where('id', '=', other)
				.executeTakeFirstOrThrow()
		).event_id;
		const joined = lapsedAt - DAY;
		return Number(
			(
				await db
					.insertInto('event_registration')
					.values({
						event_id: Number(eventId),
						status: 'expired',
						attendance: null,
						name: `Wartend ${email}`,
						email,
						submarket: null,
						consent_processing_version: 1,
						consented_at: joined,
						waitlisted_at: joined,
						created_at: joined,
						updated_at: lapsedAt
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	};
	const waitOld = await lapsedWait('wait-old@example.org', old(p.waitlist_unconfirmed));
	const waitYoung = await lapsedWait('wait-young@example.org', young(p.waitlist_unconfirmed));

	// Mails: sent, dead and never delivered, each old and young.
	const mail = async (status: 'sent' | 'dead' | 'pending' | 'obsolete', at: number) =>
		Number(
			(
				await db
					.insertInto('outbox')
					.values({
						created_at: at,
						template: 'test',
						locale: 'de',
						to_address: `${status}@example.org`,
						to_name: 'Jemand',
						subject: `Betreff ${status}`,
						text_body: 'Text',
						html_body: '<p>Text</p>',
						status,
						attempts: 1,
						next_attempt_at: at,
						sent_at: status === 'sent' ? at : null,
						last_error: null,
						dedupe_key: null,
						office_id: f.officeId,
						subject_kind: null,
						subject_id: null,
						ics: null
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	const mails = {
		sentOld: await mail('sent', old(p.mails)),
		sentYoung: await mail('sent', young(p.mails)),
		deadOld: await mail('dead', old(p.mails)),
		deadYoung: await mail('dead', young(p.mails)),
		pendingOld: await mail('pending', old(p.mails)),
		pendingYoung: await mail('pending', young(p.mails)),
		obsoleteOld: await mail('obsolete', old(p.mails)),
		obsoleteYoung: await mail('obsolete', young(p.mails))
	};

	// Profiles last changed more than 24 months ago, or less.
	const profile = async (email: string, updated: number) => {
		const creativeId = await creative(email, now);
		const id = Number(
			(
				await db
					.insertInto('profile')
					.values({
						creative_id: creativeId,
						office_id: f.officeId,
						kind: 'person',
						display_name: `Profil ${email}`,
						land_iso: 'DE-NW',
						town: 'Bochum',
						bio: `Bio ${email}`,
						contact_preference: 'form',
						status: 'published',
						created_at: updated,
						updated_at: updated
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
		return { id, creativeId };
	};
	const profileOld = await profile('profile-old@example.org', old(p.profiles_not_renewed));
	const profileYoung = await profile('profile-young@example.org', young(p.profiles_not_renewed));

	// Decision makers: a request closed over a year ago; one closed recently; an unconfirmed address.
	const decisionMaker = async (email: string, created: number, requestClosed: number | null) => {
		const id = Number(
			(
				await db
					.insertInto('decision_maker')
					.values({
						email,
						email_verified_at: requestClosed === null ? null : created,
						organisation: `Org ${email}`,
						org_type: 'company',
						contact_name: `Kontakt ${email}`,
						phone: '030 5550199',
						consent_version: 1,
						erased_at: null,
						created_at: created,
						updated_at: created
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
		if (requestClosed !== null) {
			await db
				.insertInto('project_request')
				.values({
					decision_maker_id: id,
					office_id: f.officeId,
					title: `Gesuch ${email}`,
					description: `Beschreibung ${email}`,
					land_iso: 'DE-NW',
					budget_min: null,
					budget_max: null,
					deadline: null,
					visibility: 'public',
					status: 'closed',
					reject_reason: null,
					moderated_by: null,
					idempotency_key: null,
					verified_at: created,
					approved_at: created,
					closed_at: requestClosed,
					created_at: created,
					updated_at: requestClosed
				})
				.execute();
		}
		return id;
	};
	const dmOld = await decisionMaker(
		'dm-old@example.org',
		old(p.decision_makers) - 60 * DAY,
		old(p.decision_makers)
	);
	const dmYoung = await decisionMaker(
		'dm-young@example.org',
		old(p.decision_makers) - 60 * DAY,
		young(p.decision_makers)
	);
	const dmUnconfirmed = await decisionMaker('dm-unconfirmed@example.org', old(p.decision_makers), null);

	// Link tokens expired more than a day ago, or less.
	for (const [hash, expires] of [
		['token-old', old(p.tokens)],
		['token-young', young(p.tokens)]
	] as const) {
		await db
			.insertInto('auth_token')
			.values({
				token_hash: hash,
				purpose: 'portal_login',
				subject_kind: 'creative',
				subject_id: loneYoung,
				created_at: expires - HOUR,
				expires_at: expires,
				used_at: null
			})
			.execute();
	}

	// Audit rows: a creative's old row and a young one.
	const audit = async (at: number) =>
		Number(
			(
				await db
					.insertInto('audit_event')
					.values({
						at,
						actor_kind: 'creative',
						actor_id: loneYoung,
						actor_label: 'lone-young@example.org',
						action: 'portal.login',
						subject_kind: 'creative',
						subject_id: String(loneYoung),
						office_id: null,
						request_id: 'req-1',
						data: JSON.stringify({ ip: 'x' })
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	const auditOld = await audit(old(p.audit));
	const auditYoung = await audit(young(p.audit));

	return {
		expiredOld,
		expiredYoung,
		pastOld,
		pastYoung,
		caseOld,
		caseYoung,
		loneOld,
		loneYoung,
		withBooking,
		regOld,
		regYoung,
		waitOld,
		waitYoung,
		mails,
		profileOld,
		profileYoung,
		dmOld,
		dmYoung,
		dmUnconfirmed,
		auditOld,
		auditYoung
	};
}
