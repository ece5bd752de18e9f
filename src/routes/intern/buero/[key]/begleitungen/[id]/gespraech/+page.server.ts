import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { berlinDate, berlinInstant } from '$lib/server/booking/rules';
import { OUTCOMES, recordSchema, STEP_ROWS } from '$lib/server/cases/case-schemas';
import { caseFor } from '$lib/server/cases/load';
import { recordConsultation } from '$lib/server/cases/record';
import { formValues } from '$lib/server/http/form';
import { randomToken } from '$lib/server/platform/tokens';
import { createReferrals } from '$lib/server/referrals/commands';
import { suggestContactPoints } from '$lib/server/referrals/queries';
import { listLaender, listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../../../kalender/access.server';
import { caseAction, caseOutcome, parseCaseForm } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The booking this record is about (?termin=), if it belongs to the case and took place. */
async function bookingOf(caseId: number, asked: string | null, now: number) {
	const id = Number(asked ?? '');
	if (!Number.isSafeInteger(id) || id <= 0) return null;
	const b = await services()
		.db.selectFrom('booking as b')
		.leftJoin('consultation_record as r', 'r.booking_id', 'b.id')
		.select(['b.id', 'b.case_id', 'b.start_at', 'b.format', 'b.kind', 'b.status', 'r.id as record_id'])
		.where('b.id', '=', id)
		.executeTakeFirst();
	if (!b || Number(b.case_id) !== caseId || b.record_id != null) return null;
	if (!['confirmed', 'attended'].includes(b.status) || Number(b.start_at) > now) return null;
	return { id: Number(b.id), start: Number(b.start_at), format: b.format, kind: b.kind };
}

export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const c = await caseFor(db, viewer, scope, Number(event.params.id), office.id);
	if (!c) error(404, { message: 'not found' });
	const { locale } = event.locals;
	const [topics, suggestions, booking] = await Promise.all([
		listTopics(db, locale, { activeOnly: true }),
		suggestContactPoints(db, { landIso: c.landIso, topics: c.topics, submarket: c.submarket, locale }),
		bookingOf(c.id, event.url.searchParams.get('termin'), now.getTime())
	]);
	return {
		office: { key: office.key, name: office.name },
		case: {
			id: c.id,
			name: c.name,
			status: c.status,
			topics: c.topics,
			notesAllowed: c.notesConsentVersion != null
		},
		booking,
		today: berlinDate(now),
		topics,
		outcomes: OUTCOMES,
		stepRows: STEP_ROWS,
		suggestions: suggestions.slice(0, 12),
		idempotencyKey: randomToken(16)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const { db } = services();
		const now = services().clock.now();
		const { locale } = event.locals;
		const booking = await bookingOf(id, event.url.searchParams.get('termin'), now.getTime());
		const [topics, submarkets, stages, laender] = await Promise.all([
			listTopics(db, locale),
			listSubmarkets(db, locale),
			listStages(db, locale),
			listLaender(db)
		]);
		const ref = {
			topics: topics.map((x) => x.key),
			submarkets: submarkets.map((x) => x.key),
			stages: stages.map((x) => x.key),
			laender: laender.map((x) => x.iso)
		};
		const parsed = await parseCaseForm(event.request, recordSchema(ref, booking !== null), 'record', locale, [
			'topics',
			'referral'
		]);
		if (!parsed.ok) return parsed.failure;
		const d = parsed.data;
		const r = await recordConsultation(
			services(),
			viewer,
			scope,
			{
				caseId: id,
				bookingId: booking?.id ?? null,
				heldAt: booking ? null : berlinInstant(d.heldOn!, '12:00'),
				format: booking ? null : d.format,
				topics: d.topics,
				outcome: d.outcome,
				situation: d.situation,
				advice: d.advice,
				followUpWeeks: d.followUpWeeks,
				share: d.share,
				steps: d.steps,
				referralServiceIds: d.referralServiceIds,
				idempotencyKey: d.idempotencyKey
			},
			createReferrals,
			ctx
		);
		if (!r.ok && r.reason === 'no_consent') {
			return fail(400, {
				which: 'record',
				values: formValues(parsed.form),
				errors: { situation: translate(locale, 'cases.error.no_consent') }
			});
		}
		return caseOutcome(event, 'record', parsed.form, r, 'recorded');
	}
};
