import { error, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { OfficeActor } from '$lib/server/booking/settings';
import type { Db } from '$lib/server/db/transaction';
import { formAction } from '$lib/server/http/form-action';
import type { RequestContext } from '$lib/server/identity/index';
import { type Services, services } from '$lib/server/runtime';
import { calendarAccess } from './kalender/access.server';

/**
 * A page of one office's settings (the accompaniment rhythm, the message times): everyone of the
 * office reads them, office leads and network admins save (the domain's save refuses a
 * consultant). A save that fits the schema returns to the page with `?gespeichert=1`; one that
 * does not shows the typed values again with their field errors.
 */
export function officeSettingsPage<S, T>(
	/** The page's path below `/intern/buero/<key>/`. */
	path: string,
	settings: {
		read: (db: Db, officeId: number) => Promise<S>;
		schema: z.ZodType<T>;
		save: (
			services: Services,
			actor: OfficeActor,
			officeId: number,
			settings: T,
			ctx: RequestContext
		) => Promise<{ ok: true } | { ok: false }>;
	}
) {
	const load = async (event: RequestEvent<{ key: string }>) => {
		const { office, viewer } = await calendarAccess(event);
		return {
			office: { key: office.key, name: office.name },
			mayEdit: viewer.role !== 'consultant',
			settings: await settings.read(services().db, office.id),
			saved: event.url.searchParams.has('gespeichert')
		};
	};
	const save = formAction({
		access: calendarAccess,
		schema: settings.schema,
		run: ({ event, access, data }) =>
			settings.save(services(), access.viewer, access.office.id, data, { requestId: event.locals.requestId }),
		refuse: () => error(403, { message: 'forbidden' }),
		done: ({ access }) => `/intern/buero/${access.office.key}/${path}?gespeichert=1`
	});
	return { load, save };
}
