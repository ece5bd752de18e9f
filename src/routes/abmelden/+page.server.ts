import { seeOther } from '$lib/server/http/route-answers';
import { endSession } from './end-session.server';
import type { Actions, PageServerLoad } from './$types';

/** GET only shows a button: signing out changes state, so it happens on POST. */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.actor.kind !== 'anonymous' });

export const actions: Actions = {
	default: async (event) => {
		await endSession(event.locals, event.cookies);
		seeOther(event, '/anmelden?hinweis=abgemeldet');
	}
};
