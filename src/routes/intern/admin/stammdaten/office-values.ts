import type { Office } from '$lib/server/reference/index';

/** An office as the strings its form shows (checkboxes: 'on' or absent). */
export function officeFormValues(
	office: Omit<Office, 'id' | 'key' | 'createdAt' | 'updatedAt'>
): Record<string, string | string[] | undefined> {
	return {
		name: office.name,
		seat: office.seat,
		seatConfirmed: office.seatConfirmed ? 'on' : undefined,
		phone: office.phone,
		email: office.email,
		street: office.street,
		postcode: office.postcode,
		city: office.city,
		openingHours: office.openingHours,
		active: office.active ? 'on' : undefined,
		validFrom: office.validFrom ?? '',
		validTo: office.validTo ?? '',
		laender: office.laender
	};
}
