/** An office as the strings its form shows (checkboxes: 'on' or absent). */
export function officeFormValues(office: {
	name: string;
	seat: string;
	seatConfirmed: boolean;
	phone: string;
	email: string;
	street: string;
	postcode: string;
	city: string;
	openingHours: string;
	active: boolean;
	validFrom: string | null;
	validTo: string | null;
	laender: string[];
}): Record<string, string | string[] | undefined> {
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
