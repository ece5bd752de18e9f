/**
 * What a staff form shows in its fields: the stored record, or what the person typed before a
 * failed save (nothing typed is lost). The readers take getters, so a form that receives new
 * values or errors after an enhanced submit shows them.
 */
export type FormValues = Record<string, string | string[] | undefined>;
export type FormErrors = Record<string, string> | null | undefined;

export function formValues(values: () => FormValues, errors: () => FormErrors) {
	const list = (name: string): string[] => {
		const v = values()[name];
		return Array.isArray(v) ? v : v ? [v] : [];
	};
	const err = (name: string): string | null => errors()?.[name] ?? null;
	return {
		/** A single value ('' when absent; the first when a field was sent twice). */
		text: (name: string): string => list(name)[0] ?? '',
		/** The values of a checkbox group. */
		list,
		/** A lone checkbox: ticked when the form sent it. */
		checked: (name: string): boolean => list(name).length > 0,
		err,
		/** What a Field, SelectField or TextAreaField shows of one value: its name, error and value. */
		field: (name: string) => ({ name, error: err(name), value: list(name)[0] ?? '' }),
		/** What a CheckGroup shows of a many-valued name: its name, error and chosen values. */
		group: (name: string) => ({ name, error: err(name), chosen: list(name) }),
		/** aria-describedby for a field with an optional hint and its error. */
		describedBy: (name: string, hint: boolean): string | undefined => describedByOf(name, hint, !!err(name))
	};
}

/** aria-describedby of a field: its hint and its error, by the ids `<name>-hint` and `<name>-error`. */
export function describedByOf(name: string, hint: boolean, error: boolean): string | undefined {
	return (
		[hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined
	);
}
