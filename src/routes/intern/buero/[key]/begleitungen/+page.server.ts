import { CASELOAD_PAGE_SIZE, caseload } from '$lib/server/cases/caseload';
import { officeConsultants } from '$lib/server/cases/load';
import { getCaseSettings } from '$lib/server/cases/settings';
import { seesWholeOffice } from '$lib/server/cases/case-actor';
import { messageStateOfCases } from '$lib/server/messages/queries';
import { listSubmarkets } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { calendarAccess } from '../kalender/access.server';
import type { PageServerLoad } from './$types';

/** The caseload dashboard (issue 4, item 3): GET filters, so a view can be bookmarked. */
export const load: PageServerLoad = async (event) => {
	const { office, scope, viewer } = await calendarAccess(event);
	const { db, clock } = services();
	const params = event.url.searchParams;
	const wholeOffice = seesWholeOffice(viewer);
	const consultants = wholeOffice ? await officeConsultants(db, office.id) : [];
	const asked = Number(params.get('berater') ?? '');
	const consultantId = wholeOffice && consultants.some((c) => c.id === asked) ? asked : null;
	const state = params.get('status') === 'abgeschlossen' ? 'closed' : 'active';
	const attention = params.get('fokus') === '1';
	const q = (params.get('q') ?? '').trim().slice(0, 100) || null;
	const page = Number.parseInt(params.get('page') ?? '1', 10) || 1;
	const [load, settings, submarkets] = await Promise.all([
		caseload(db, scope, viewer, office.id, clock.now(), { consultantId, state, attention, q, page }),
		getCaseSettings(db, office.id),
		listSubmarkets(db, event.locals.locale)
	]);
	const submarketName = new Map(submarkets.map((s) => [s.key, s.name]));
	// The rows are the scoped caseload; their message counts come from the same case ids.
	const messages = await messageStateOfCases(
		db,
		load.rows.map((r) => ({ id: r.id, officeId: office.id })),
		clock.now()
	);
	return {
		office: { key: office.key, name: office.name },
		wholeOffice,
		isLead: viewer.role !== 'consultant',
		consultants,
		filter: { consultantId, state, attention, q: q ?? '' },
		settings,
		counts: load.counts,
		answers: load.answers,
		paging: { page: load.page, pageSize: CASELOAD_PAGE_SIZE, total: load.total },
		rows: load.rows.map((r) => ({
			...r,
			submarketName: r.submarket ? (submarketName.get(r.submarket) ?? r.submarket) : null,
			messages: messages.get(r.id) ?? { unread: 0, overdue: 0 }
		})),
		now: clock.now().getTime()
	};
};
