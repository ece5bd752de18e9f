import { error } from '@sveltejs/kit';
import { services } from '$lib/server/runtime';
import { publicProfileImage } from '$lib/server/visibility/public';
import type { RequestHandler } from './$types';

/**
 * The image of a public profile, from the database (any instance serves it). 404 as soon as
 * the profile is unpublished or hidden; a short shared max-age keeps caches from serving it
 * long after that. The bytes were re-encoded on upload, so the type is what we say it is.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : 0;
	const image = await publicProfileImage(services().db, id);
	if (!image) error(404, { message: 'not found' });
	const etag = `"img-${image.id}"`;
	const headers = {
		'content-type': image.mime,
		'cache-control': 'public, max-age=300',
		etag,
		'x-content-type-options': 'nosniff',
		'content-disposition': 'inline',
		'cross-origin-resource-policy': 'same-origin'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(Buffer.from(image.bytes), { headers });
};
