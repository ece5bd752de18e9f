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
				: null
	};
};
