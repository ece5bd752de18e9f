import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n/messages';
import { OUTCOMES, recordSchema, STEP_ROWS } from '$lib/server/cases/case-schemas';
import { caseFor } from '$lib/server/cases/load';
import { recordConsultation } from '$lib/server/cases/record';
import { bookingToRecord } from '$lib/server/cases/talks';
import { formValues } from '$lib/server/http/form';
import { freeTextFailure } from '$lib/server/http/free-text';
import { formatDateTime } from '$lib/format/datetime';
import type { Locale } from '$lib/i18n/locale';
import { randomToken } from '$lib/server/platform/tokens';
import { createReferrals } from '$lib/server/referrals/commands';
import { suggestContactPoints } from '$lib/server/referrals/queries';
import { listLaender, listStages, listSubmarkets, listTopics } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { berlinDate, berlinInstant } from '$lib/time/berlin';
import { calendarAccess } from '../../../kalender/access.server';
import { caseAction, caseOutcome, parseCaseForm } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The booking this record is about (?termin=), as the cases domain decides it; another case's is 404. */
async function bookingOf(caseId: number, asked: string | null, now: number) {
	if (asked == null) return { booking: null, refused: null };
	const found = await bookingToRecord(services().db, caseId, Number(asked), now);
	if (found.kind === 'not_found') error(404, { message: 'not found' });
	if (found.kind === 'refused')
		return { booking: null, refused: { reason: found.reason, start: found.start } };
	return { booking: found.booking, refused: null };
}

function refusalText(locale: Locale, refused: { reason: string; start: number }): string {
	if (refused.reason === 'before_start')
		return translate(locale, 'talks.record.beforeStart', { date: formatDateTime(refused.start, locale) });
	return translate(
		locale,
		refused.reason === 'recorded' ? 'talks.record.recorded' : 'talks.record.notActive'
	);
}

export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const c = await caseFor(db, viewer, scope, Number(event.params.id), office.id);
	if (!c) error(404, { message: 'not found' });
	const { locale } = event.locals;
	const [topics, suggestions, { booking, refused }] = await Promise.all([
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
		refused: refused ? { ...refused, text: refusalText(locale, refused) } : null,
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
		const { office, viewer, scope, id, ctx } = await caseAction(event);
		const { db } = services();
		const now = services().clock.now();
		const { locale } = event.locals;
		const { booking, refused } = await bookingOf(id, event.url.searchParams.get('termin'), now.getTime());
		if (refused) {
			const form = await event.request.formData().catch(() => new FormData());
			return fail(409, {
				which: 'record',
				values: formValues(form),
				errors: { _form: refusalText(locale, refused) }
			});
		}
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
		// Issue 13, part 5: notes with an ID number or an Art. 9 word are blocked until the consultant
		// edits them or confirms on purpose; nothing of the record is stored before.
		const stepTexts = [...parsed.form.keys()].filter((k) => /^stepText\d+$/.test(k));
		const sensitiveRefusal = await freeTextFailure(db, {
			officeId: office.id,
			texts: {
				situation: d.situation,
				advice: d.advice,
				...Object.fromEntries(stepTexts.map((k) => [k, String(parsed.form.get(k) ?? '')]))
			},
			form: parsed.form,
			values: formValues(parsed.form),
			locale,
			extra: { which: 'record' }
		});
		if (sensitiveRefusal) return sensitiveRefusal;
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
