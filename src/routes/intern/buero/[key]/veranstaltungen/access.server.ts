import { type ActionFailure, error, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locale';
import { type MessageKey, translate } from '$lib/i18n/messages';
import { recordAudit } from '$lib/server/audit/record';
import { staffEvent } from '$lib/server/events/queries';
import { type EventStaff, type StaffResult, validateReferences } from '$lib/server/events/staff';
import { type FormFailure, fieldFailure, type FormValues, withRuleErrors } from '$lib/server/http/form';
import { requireOffice, requireStaff } from '$lib/server/http/gate';
import { getOfficeByKey } from '$lib/server/reference/queries';
import { services } from '$lib/server/runtime';

/**
 * The events pages' gate: signed in (else login), the office by key (unknown: 404), then any
 * member of the office (consultants and leads manage their office's events; network admins
 * also the network's). An event of another office answers 404 and is audited like the gate's denials.
 */
export async function eventsAccess(event: RequestEvent<{ key: string }>) {
	requireStaff(event);
	const office = await getOfficeByKey(services().db, event.params.key);
	if (!office) error(404, { message: 'not found' });
	const { staff, scope, role } = await requireOffice(event, office.id, 'consultant');
	const eventStaff: EventStaff = {
		id: staff.id,
		email: staff.email,
		scope,
		isNetworkAdmin: role === 'network_admin'
	};
	return { office, staff, eventStaff, role };
}

export async function eventAccess(event: RequestEvent<{ key: string; id: string }>, search?: string | null) {
	const access = await eventsAccess(event);
	const { db, clock } = services();
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const detail = await staffEvent(db, access.eventStaff, id, clock.now(), search);
	// Only through its own office's pages (network events through any office's, for admins).
	if (!detail || (detail.event.officeId !== null && detail.event.officeId !== access.office.id)) {
		await recordAudit(
			db,
			{ kind: 'staff', id: access.staff.id, label: access.staff.email },
			{
				action: 'access.denied',
				subject: { kind: 'route', id: event.route.id ?? event.url.pathname },
				officeId: access.office.id,
				data: { path: event.url.pathname, reason: 'event outside the office' }
			},
			{ now: clock.now(), requestId: event.locals.requestId }
		);
		error(404, { message: 'not found' });
	}
	return { ...access, detail };
}

const REASONS: Record<Exclude<StaffResult, { ok: true }>['reason'], [number, MessageKey]> = {
	not_found: [404, 'events.error.notAllowed'],
	forbidden: [403, 'events.error.forbidden'],
	not_allowed: [409, 'events.error.notAllowed'],
	invalid: [400, 'form.error.invalid']
};

const FIELD_CODES: Record<string, MessageKey> = {
	unknown: 'form.error.choice',
	past: 'events.error.past'
};

/** Field codes of the events domain as messages of the form's fields. */
function fieldMessages(fields: Record<string, string>, locale: Locale): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([f, c]) => [f, translate(locale, FIELD_CODES[c] ?? 'form.error.invalid')])
	);
}

/** A domain refusal as a form failure (field errors for 'invalid'). */
export function staffRefusal(result: Exclude<StaffResult, { ok: true }>, values: FormValues, locale: Locale) {
	if (result.reason === 'not_found') error(404, { message: 'not found' });
	const [status, key] = REASONS[result.reason];
	if (result.reason === 'invalid' && result.fields)
		return fieldFailure(status, values, fieldMessages(result.fields, locale));
	return fieldFailure(status, values, {}, translate(locale, key));
}

/**
 * Issue 16: an event form that failed its schema also reports the sub-markets, topics or Land
 * the reference data does not know (the command's own check, asked of the raw input), so every
 * error comes in one round.
 */
export async function withReferenceErrors(
	parsed: { failure: ActionFailure<FormFailure>; input: Record<string, unknown> },
	locale: Locale
): Promise<ActionFailure<FormFailure>> {
	const keys = (v: unknown): string[] =>
		(Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
	const fields = await validateReferences(services().db, {
		submarkets: keys(parsed.input.submarkets),
		topics: keys(parsed.input.topics),
		// As the schema's transform: an online event has no venue.
		venueLand: parsed.input.format === 'online' ? null : (keys(parsed.input.venue_land)[0] ?? null)
	});
	return withRuleErrors(parsed.failure, fieldMessages(fields, locale));
}
