import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/messages';
import { bookFollowUp, followUpFrom, followUpSlots } from '$lib/server/booking/follow-up';
import { formValues } from '$lib/server/http/form';
import { randomToken } from '$lib/server/platform/tokens';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate } from '$lib/time/berlin';
import { calendarAccess } from '../../../kalender/access.server';
import { caseAction, caseOutcome, parseCaseForm } from '../../case-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** `start:format` — one radio value names the slot (the consultant is the case's). */
const slotSchema = z.object({
	slot: z
		.string()
		.regex(/^\d{1,15}:(office|phone|video)$/, { message: 'cases.error.slot' })
		.transform((v) => {
			const [start, format] = v.split(':');
			return { start: Number(start), format: format as 'office' | 'phone' | 'video' };
		}),
	idempotencyKey: z.string().max(100)
});

export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const now = clock.now();
	const from = followUpFrom(event.url.searchParams.get('ab'), now);
	const offered = await followUpSlots(
		db,
		{ kind: 'staff', actor: viewer, scope },
		Number(event.params.id),
		from,
		now
	);
	if (!offered || offered.case.officeId !== office.id) error(404, { message: 'not found' });
	const days = new Map<string, { start: number; end: number; format: string }[]>();
	for (const s of offered.slots) {
		const day = berlinDate(s.start);
		days.set(day, [...(days.get(day) ?? []), { start: s.start, end: s.end, format: s.format }]);
	}
	return {
		office: { key: office.key, name: office.name },
		case: { id: offered.case.id, name: offered.case.name, consultantName: offered.case.consultantName },
		noTalk: offered.noTalk,
		from,
		next: addDays(from, 14),
		days: [...days.entries()].map(([day, slots]) => ({ day, slots })),
		idempotencyKey: randomToken(16)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { viewer, scope, id, ctx } = await caseAction(event);
		const parsed = await parseCaseForm(event.request, slotSchema, 'slot', event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const r = await bookFollowUp(
			services(),
			{ kind: 'staff', actor: viewer, scope },
			{
				caseId: id,
				start: parsed.data.slot.start,
				format: parsed.data.slot.format,
				idempotencyKey: parsed.data.idempotencyKey || null
			},
			ctx
		);
		if (!r.ok && r.reason === 'no_consultation')
			return fail(409, {
				which: 'slot',
				values: formValues(parsed.form),
				errors: { _form: translate(event.locals.locale, 'talks.followUp.noTalk') }
			});
		if (!r.ok && r.reason === 'slot_taken')
			return fail(409, {
				which: 'slot',
				values: formValues(parsed.form),
				errors: { slot: translate(event.locals.locale, 'cases.error.slotTaken') }
			});
		return caseOutcome(
			event,
			'slot',
			parsed.form,
			r.ok
				? { ok: true, caseId: r.caseId }
				: { ok: false, reason: r.reason === 'closed' ? 'closed' : 'not_found' },
			'followUp'
		);
	}
};
