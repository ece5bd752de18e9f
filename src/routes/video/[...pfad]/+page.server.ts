import type { PageServerLoad } from './$types';

/**
 * Where video links point while no video service is configured (VIDEO_BASE_URL unset; see
 * booking/video-link.ts): an honest page instead of a 404. Older links (/video/<id>) land here too.
 * Nothing is looked up: the link's token identifies nobody on this page.
 */
export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'x-robots-tag': 'noindex' });
	return {};
};
