import { error } from '@sveltejs/kit';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';
import { staffProfileImage } from '$lib/server/visibility/moderation';
import type { RequestHandler } from './$types';

/** Staff see a profile's image before approving it; never cached. */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { scope } = await requireOffice(event, office.id, 'consultant');
	const id = /^\d{1,9}$/.test(event.params.profile) ? Number(event.params.profile) : 0;
	const image = await staffProfileImage(services().db, scope, office.id, id);
	if (!image) error(404, { message: 'not found' });
	return new Response(Buffer.from(image.bytes), {
		headers: {
			'content-type': image.mime,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
