import { officeCreateSchema } from '../../src/lib/server/reference/schema';

/**
 * The raw form fields of a new office "zentrale" (Kompetenzzentrum Berlin), as the create form
 * posts them; `over` replaces single fields.
 */
export function rawOfficeForm(over: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		key: 'zentrale',
		name: 'Kompetenzzentrum Berlin',
		seat: 'Berlin',
		phone: '+49 30 000',
		email: 'zentrale@example.org',
		street: '',
		postcode: '',
		city: 'Berlin',
		openingHours: '',
		active: 'on',
		validFrom: '',
		validTo: '',
		laender: [],
		...over
	};
}

/** rawOfficeForm, parsed by officeCreateSchema. */
export const officeCreateForm = (over: Record<string, unknown> = {}) =>
	officeCreateSchema.parse(rawOfficeForm(over));
