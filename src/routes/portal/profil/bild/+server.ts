import { error } from '@sveltejs/kit';
import { requireCreative } from '$lib/server/http/gate';
import { services } from '$lib/server/runtime';
import { ownProfileImage } from '$lib/server/visibility/profiles';
import type { RequestHandler } from './$types';

/** The owner's preview of their own image, whatever the profile's status; never cached. */
export const GET: RequestHandler = async (event) => {
	const me = requireCreative(event);
	const image = await ownProfileImage(services().db, me.id);
	if (!image) error(404, { message: 'not found' });
	return new Response(Buffer.from(image.bytes), {
		headers: {
			'content-type': image.mime,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		}
	});
};
