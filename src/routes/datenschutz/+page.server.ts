import { privacyNotice } from '$lib/server/privacy/privacy-notice';
import { services } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** Periods, cookie and officer come from the configuration the server runs with (issue 13). */
export const load: PageServerLoad = () => ({ notice: privacyNotice(services().config) });
