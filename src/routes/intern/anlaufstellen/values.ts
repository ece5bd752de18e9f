/** A contact point as the strings its form shows (checkboxes: 'on' or absent). */
export function contactPointFormValues(c: {
	name: string;
	description: string;
	organizationDescription: string;
	kind: string;
	cost: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	advocacy: boolean;
	active: boolean;
	scope: string;
	laender: string[];
	topics: string[];
	submarkets: string[];
}): Record<string, string | string[] | undefined> {
	return {
		name: c.name,
		description: c.description,
		organizationDescription: c.organizationDescription,
		kind: c.kind,
		cost: c.cost ?? '',
		website: c.website ?? '',
		email: c.email ?? '',
		phone: c.phone ?? '',
		advocacy: c.advocacy ? 'on' : undefined,
		active: c.active ? 'on' : undefined,
		scope: c.scope,
		laender: c.laender,
		topics: c.topics,
		submarkets: c.submarkets
	};
}
