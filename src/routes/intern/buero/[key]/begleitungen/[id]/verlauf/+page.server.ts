import { denyRecord } from '$lib/server/http/gate';
import { progressForStaff } from '$lib/server/messages/progress';
import { services } from '$lib/server/runtime';
import { caseAction } from '../../case-actions.server';
import type { PageServerLoad } from './$types';

/** The case at a glance (issue 18, item 4), under the case rule; no notes on this page. */
export const load: PageServerLoad = async (event) => {
	const { office, staff, scope, viewer, id } = await caseAction(event);
	const { db, clock } = services();
	const view = await progressForStaff(db, viewer, scope, office.id, id, clock.now());
	if (!view) return denyRecord(event, staff, 'case not visible', office.id);
	return { office: { key: office.key, name: office.name }, view };
};
