import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n/locale';

// '/en/anmelden' is served by the route of '/anmelden'; the locale is read from the URL in hooks.server.ts.
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
