import { seeOther } from '$lib/server/http/route-answers';
import { endSession } from '../../abmelden/end-session.server';
import type { Actions, PageServerLoad } from './$types';

/** GET only shows a button: signing out changes state, so it happens on POST. */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.actor.kind === 'creative' });

export const actions: Actions = {
	default: async (event) => {
		// The portal's button ends only a creative's session; a staff member stays signed in.
		if (event.locals.actor.kind === 'creative') await endSession(event.locals, event.cookies);
		seeOther(event, '/portal/anmelden?hinweis=abgemeldet');
	}
};
