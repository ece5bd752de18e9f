import { bookFollowUp } from '$lib/server/booking/follow-up';
import { requireCreative } from '$lib/server/http/gate';
import { fieldRefusal, formRefusal } from '$lib/server/http/refusals';
import { notFound, readForm, seeOther } from '$lib/server/http/route-answers';
import { randomToken } from '$lib/server/platform/tokens';
import { followUpPage, readFollowUpSlot } from '$lib/server/portal/follow-up-queries';
import { services } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * Issue 4, item 5: the creative books a follow-up with the case's consultant from the portal.
 * ?fall=<caseId> (may be left out with exactly one open case), ?ab=<YYYY-MM-DD> starts the
 * 14 days shown. Another creative's case answers 404.
 */
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const me = requireCreative(event);
	const { db, clock } = services();
	const q = event.url.searchParams;
	const page =
		(await followUpPage(db, me.id, { fall: q.get('fall'), ab: q.get('ab') }, clock.now())) ?? notFound();
	if (!page.week) return page;
	// One key per rendered form: a double submit (or a resubmit after "back") books once.
	return { ...page, idempotencyKey: randomToken(18) };
};

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export const actions: Actions = {
	book: async (event) => {
		const me = requireCreative(event);
		const form = await readForm(event.request);
		const slotValue = String(form.get('slot') ?? '');
		const key = String(form.get('key') ?? '');
		const values = { slot: slotValue };
		const slot = readFollowUpSlot(slotValue);
		if (!slot) return fieldRefusal(event, 400, values, 'slot', 'portal.followUp.error.slot');
		const r = await bookFollowUp(
			services(),
			{ kind: 'creative', creativeId: me.id },
			{
				caseId: Number(form.get('caseId')),
				...slot,
				idempotencyKey: KEY.test(key) ? `portal-follow-up:${key}` : null
			},
			{ requestId: event.locals.requestId }
		);
		if (r.ok) seeOther(event, '/portal?folgetermin=gebucht');
		if (r.reason === 'not_found') notFound();
		if (r.reason === 'no_consultation') return formRefusal(event, 409, values, 'talks.portal.noTalk');
		if (r.reason === 'closed') return formRefusal(event, 409, values, 'portal.followUp.error.closed');
		return fieldRefusal(event, 409, values, 'slot', 'portal.followUp.error.taken');
	}
};
