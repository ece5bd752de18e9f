import type { ActionFailure, RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseForm, type FormFailure, type FormValues } from './form';
import { seeOther } from './route-answers';

type Outcome = { ok: true } | { ok: false };
type Refused<R> = Exclude<R, { ok: true }>;
type Done<R> = Extract<R, { ok: true }>;

/** What the steps of one form action see: the gate's answer, the valid form, the request. */
export interface ActionInput<E, A, D> {
	event: E;
	access: A;
	data: D;
}

export interface FormActionSpec<E extends RequestEvent, A, S extends z.ZodType, R extends Outcome> {
	/** The gate: who may post here (throws 404/redirect itself). */
	access: (event: E) => Promise<A>;
	schema: S;
	/** Checkbox groups (always arrays) and secrets (never echoed back) of the form. */
	fields?: { multi?: readonly string[]; secret?: readonly string[] };
	/**
	 * Optional: a form the schema refused, before it is answered — to add the errors of rules
	 * that can be checked on the fields that were fine (issue 16: every error in one round).
	 */
	invalid?: (
		failure: ActionFailure<FormFailure>,
		input: Record<string, unknown>,
		access: A,
		event: E
	) => Promise<ActionFailure<FormFailure>>;
	/** The one domain command. */
	run: (input: ActionInput<E, A, z.output<S>>) => Promise<R>;
	/** A refusal of the command as a form failure with the user's values kept. */
	refuse: (result: Refused<R>, values: FormValues, event: E) => ActionFailure<FormFailure>;
	/** Where to go after success (a path without the locale prefix). */
	done: (input: ActionInput<E, A, z.output<S>> & { result: Done<R> }) => string;
}

/**
 * Issue 17: the shape most staff and portal forms share — gate, parse (400 with German or
 * English field errors and the values kept), one domain command, its refusal as a form failure,
 * 303 to the next page. Routes state the five parts; the order and the answers live here once.
 */
export function formAction<E extends RequestEvent, A, S extends z.ZodType, R extends Outcome>(
	spec: FormActionSpec<E, A, S, R>
) {
	return async (event: E): Promise<ActionFailure<FormFailure>> => {
		const access = await spec.access(event);
		const parsed = await parseForm(event.request, spec.schema, event.locals.locale, spec.fields);
		if (!parsed.ok)
			return spec.invalid ? spec.invalid(parsed.failure, parsed.input, access, event) : parsed.failure;
		const input = { event, access, data: parsed.data };
		const result = await spec.run(input);
		if (!result.ok) return spec.refuse(result as Refused<R>, parsed.values, event);
		seeOther(event, spec.done({ ...input, result: result as Done<R> }));
	};
}
