import { error, fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/messages';
import {
	bookFollowUp,
	type FollowUpFormat,
	followUpFrom,
	followUpSlots
} from '$lib/server/booking/follow-up';
import { requireCreative } from '$lib/server/http/gate';
import { randomToken } from '$lib/server/platform/tokens';
import { hasOpenCase, myCaseStatus, myFollowUpCases } from '$lib/server/portal/plan-queries';
import { services } from '$lib/server/runtime';
import { addDays, berlinDate } from '$lib/time/berlin';
import type { Actions, PageServerLoad } from './$types';

/**
 * Issue 4, item 5: the creative books a follow-up with the case's consultant from the portal.
 * ?fall=<caseId> (may be left out with exactly one open case), ?ab=<YYYY-MM-DD> starts the
 * 14 days shown. Another creative's case answers 404.
 */
interface SlotChoice {
	value: string;
	start: number;
	end: number;
	format: FollowUpFormat;
}

export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const me = requireCreative(event);
	const { db, clock } = services();
	const now = clock.now();
	const q = event.url.searchParams;
	const open = await myFollowUpCases(db, me.id);
	const asked = q.get('fall');
	const base = { cases: open, closed: false, noTalk: false, case: null, week: null };
	let chosen = open.length === 1 && !asked ? open[0]! : null;
	if (asked) {
		chosen = open.find((c) => String(c.id) === asked) ?? null;
		if (!chosen) {
			const status = await myCaseStatus(db, me.id, Number(asked));
			if (status === null) error(404, { message: 'not found' });
			// Issue 16: an open case without a talk yet offers no follow-up.
			return status === 'closed' ? { ...base, closed: true } : { ...base, noTalk: true };
		}
	}
	if (!chosen) {
		// Issue 16: without ?fall=, an open case still waiting for its first talk gets the same
		// explanation as when it is asked for by number, not "no accompaniment".
		if (!asked && open.length === 0 && (await hasOpenCase(db, me.id))) return { ...base, noTalk: true };
		return base;
	}
	const from = followUpFrom(q.get('ab'), now);
	const offered = await followUpSlots(db, { kind: 'creative', creativeId: me.id }, chosen.id, from, now);
	if (!offered) error(404, { message: 'not found' });
	const days: { date: string; slots: SlotChoice[] }[] = [];
	for (const s of offered.slots) {
		if (s.format !== 'office' && s.format !== 'phone' && s.format !== 'video') continue;
		const date = berlinDate(s.start);
		let day = days.at(-1);
		if (day?.date !== date) {
			day = { date, slots: [] };
			days.push(day);
		}
		day.slots.push({ value: `${s.start}:${s.format}`, start: s.start, end: s.end, format: s.format });
	}
	const today = berlinDate(now);
	// Two weeks back, but never before today (followUpFrom would move a past day to today anyway).
	const earlier = from > today ? followUpFrom(addDays(from, -14), now) : null;
	return {
		...base,
		case: chosen,
		week: {
			from,
			to: addDays(from, 13),
			today,
			earlier,
			later: addDays(from, 14),
			days
		},
		// One key per rendered form: a double submit (or a resubmit after "back") books once.
		idempotencyKey: randomToken(18)
	};
};

const SLOT = /^(\d{10,15}):(office|phone|video)$/;
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export const actions: Actions = {
	book: async (event) => {
		const me = requireCreative(event);
		const { locale, requestId } = event.locals;
		const form = await event.request.formData().catch(() => new FormData());
		const caseId = Number(form.get('caseId'));
		const slot = String(form.get('slot') ?? '');
		const key = String(form.get('key') ?? '');
		const values = { slot };
		const m = SLOT.exec(slot);
		if (!m) return fail(400, { values, errors: { slot: translate(locale, 'portal.followUp.error.slot') } });
		const r = await bookFollowUp(
			services(),
			{ kind: 'creative', creativeId: me.id },
			{
				caseId,
				start: Number(m[1]),
				format: m[2] as FollowUpFormat,
				idempotencyKey: KEY.test(key) ? `portal-follow-up:${key}` : null
			},
			{ requestId }
		);
		if (r.ok) redirect(303, localizePath(locale, '/portal?folgetermin=gebucht'));
		if (r.reason === 'not_found') error(404, { message: 'not found' });
		if (r.reason === 'no_consultation')
			return fail(409, { values, errors: {}, message: translate(locale, 'talks.portal.noTalk') });
		if (r.reason === 'closed')
			return fail(409, { values, errors: {}, message: translate(locale, 'portal.followUp.error.closed') });
		return fail(409, { values, errors: { slot: translate(locale, 'portal.followUp.error.taken') } });
	}
};
