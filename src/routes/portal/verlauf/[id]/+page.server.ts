import { error } from '@sveltejs/kit';
import { requireCreative } from '$lib/server/http/gate';
import { progressForCreative } from '$lib/server/messages/progress';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** My accompaniment at a glance (issue 18, item 4): only what my consultant shared with me. */
export const load: PageServerLoad = async (event) => {
	const me = requireCreative(event);
	const { db, clock } = services();
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const view = await progressForCreative(db, me.id, id, clock.now());
	if (!view) error(404, { message: 'not found' });
	return { view };
};
