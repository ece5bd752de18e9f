import type { HoldInput, IntakeInput } from './hold';

/**
 * Issue 17: a booking's intake comes from two forms — the public /termin (snake_case, the
 * command's own field names, which the API shares) and the staff phone booking in the calendar
 * (camelCase). Both keep their field names; this table says where they differ, and one mapping
 * turns either into the command's intake and consents.
 */
export const INTAKE_FORM_FIELDS = {
	public: {
		heardFrom: 'heard_from',
		processing: 'consent_processing',
		notes: 'consent_notes',
		news: 'consent_news'
	},
	staff: {
		heardFrom: 'heardFrom',
		processing: 'consentProcessing',
		notes: 'consentNotes',
		news: 'consentNews'
	}
} as const;

export type IntakeFormName = keyof typeof INTAKE_FORM_FIELDS;
type Named<F extends IntakeFormName> = (typeof INTAKE_FORM_FIELDS)[F];

/** The fields both forms name alike (contact, place, sub-market, stage, topics, concern). */
type CommonIntake = Pick<
	IntakeInput,
	'name' | 'email' | 'land' | 'submarket' | 'stage' | 'topics' | 'concern'
> & { phone: string | null; postcode: string | null };

/** A parsed intake form as that form names its fields. */
export type IntakeForm<F extends IntakeFormName> = CommonIntake & {
	[K in Named<F>['heardFrom']]: string | null;
} & { [K in Named<F>['processing' | 'notes' | 'news']]: boolean };

/** The command's intake and consents from either form. */
export function bookingIntake<F extends IntakeFormName>(
	form: F,
	d: IntakeForm<F>
): Pick<HoldInput, 'intake' | 'consents'> {
	const names = INTAKE_FORM_FIELDS[form];
	const named = d as unknown as Record<string, unknown>;
	return {
		intake: {
			name: d.name,
			email: d.email,
			phone: d.phone,
			postcode: d.postcode,
			land: d.land,
			submarket: d.submarket,
			stage: d.stage,
			topics: d.topics,
			concern: d.concern,
			heardFrom: (named[names.heardFrom] as string | null | undefined) ?? null
		},
		consents: {
			processing: named[names.processing] === true,
			notes: named[names.notes] === true,
			news: named[names.news] === true
		}
	};
}
