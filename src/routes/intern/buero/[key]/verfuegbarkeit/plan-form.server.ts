import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { type AvailabilityResult, ruleWouldOverlap } from '$lib/server/booking/availability';
import { ruleSchema } from '$lib/server/booking/availability-schema';
import type { OfficeActor } from '$lib/server/booking/settings';
import type { RequestContext } from '$lib/server/identity/index';
import { translate } from '$lib/i18n/messages';
import { formAction } from '$lib/server/http/form-action';
import { type FormFailure, validFields, withRuleErrors } from '$lib/server/http/form';
import { type Services, services } from '$lib/server/runtime';
import type { ActionFailure } from '@sveltejs/kit';
import { availabilityAccess, refusal } from './access.server';

/** A command of the office's plan, as booking/availability and booking/settings write them. */
type PlanCommand<D> = (
	services: Pick<Services, 'db' | 'clock'>,
	actor: OfficeActor,
	officeId: number,
	data: D,
	ctx: RequestContext
) => Promise<AvailabilityResult>;

/** The remove commands take the row's id; their form posts `{ id }`. */
export const byId =
	(command: PlanCommand<number>): PlanCommand<{ id: number }> =>
	(s, actor, officeId, data, ctx) =>
		command(s, actor, officeId, data.id, ctx);

/** The page again, on the person whose plan was changed (when the form names one), saved. */
export function planPath(key: string, personId?: number) {
	return `/intern/buero/${key}/verfuegbarkeit?${personId ? `person=${personId}&` : ''}gespeichert=1`;
}

type Person = 'form' | 'page' | 'none';

function personOf(person: Person, event: RequestEvent, data: unknown): number | undefined {
	if (person === 'form') return (data as { consultantId: number }).consultantId;
	if (person === 'page') return Number(event.url.searchParams.get('person')) || undefined;
	return undefined;
}

/**
 * One form of the availability page: the page's gate, one command of the office's plan, a
 * refusal on `field` (else for the whole form; an overlap on `overlapOn`), then the page
 * of the person the form was about — named by the form itself or by the page it was sent from.
 */
export function planForm<S extends z.ZodType>(
	schema: S,
	command: PlanCommand<z.output<S>>,
	options: {
		field?: string;
		overlapOn?: string;
		person?: Person;
		invalid?: typeof ruleOverlapErrors;
	} = {}
) {
	return formAction({
		access: availabilityAccess,
		schema,
		invalid: options.invalid,
		run: ({ access, data, event }) =>
			command(services(), access.actor, access.office.id, data, { requestId: event.locals.requestId }),
		refuse: (result, values, event) =>
			refusal(
				result,
				values,
				event.locals.locale,
				result.reason === 'overlap' && options.overlapOn ? options.overlapOn : options.field
			),
		done: ({ access, data, event }) =>
			planPath(access.office.key, personOf(options.person ?? 'none', event, data))
	});
}

/** Issue 16: an overlap with another window of the person is reported with the other errors. */
export async function ruleOverlapErrors(
	failure: ActionFailure<FormFailure>,
	input: Record<string, unknown>,
	{ office, actor }: Awaited<ReturnType<typeof availabilityAccess>>,
	event: RequestEvent
): Promise<ActionFailure<FormFailure>> {
	const v = validFields(ruleSchema.in.shape, input);
	const overlap = await ruleWouldOverlap(services().db, actor, office.id, {
		consultantId: v.consultantId,
		weekday: v.ruleWeekday,
		startTime: v.ruleStart,
		endTime: v.ruleEnd,
		validFrom: v.ruleFrom,
		validTo: v.ruleTo
	});
	const text = translate(event.locals.locale, 'availability.error.overlap');
	return withRuleErrors(failure, overlap ? { ruleStart: text } : {});
}
