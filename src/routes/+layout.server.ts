import type { LayoutServerLoad } from './$types';
import { services } from '$lib/server/runtime';

/** What every page needs: the language, who is signed in (for the navigation), the feedback contact. */
export const load: LayoutServerLoad = ({ locals }) => {
	const a = locals.actor;
	return {
		locale: locals.locale,
		feedbackContact: services().config.networkContact,
		viewer:
			a.kind === 'staff'
				? {
						name: a.name,
						isNetworkAdmin: a.isNetworkAdmin,
						offices: a.memberships.map((m) => ({ key: m.officeKey, name: m.officeName, role: m.role }))
					}
				: null,
		// Issue 16: the idle warning of the staff area counts down from each page load.
		sessionIdleMs: a.kind === 'staff' ? services().config.sessionIdleMinutes * 60_000 : null
	};
};
