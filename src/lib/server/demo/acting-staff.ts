import { mintScope, type OfficeScope } from '../access/scope';
import type { Db } from '../db/transaction';

/**
 * The demo generator acts as the demo staff members, outside any request. It is the one place
 * besides http/gate.ts that mints an OfficeScope (scripts/check-structure.mjs names it): each
 * scope is built from the member's own memberships exactly as the gate would build it, so every
 * command still checks what it checks for a signed-in person.
 */
export interface DemoStaff {
	id: number;
	email: string;
	name: string;
	role: 'office_lead' | 'consultant';
	officeId: number;
	scope: OfficeScope;
}

export interface DemoOffice {
	id: number;
	key: string;
	laender: string[];
	lead: DemoStaff;
	consultants: DemoStaff[];
	/** Lead and consultants: everyone who has weekly hours. */
	staff: DemoStaff[];
}

export async function loadDemoOffices(db: Db): Promise<DemoOffice[]> {
	const offices = await db
		.selectFrom('office')
		.select(['id', 'key'])
		.where('active', '=', 1)
		.orderBy('id')
		.execute();
	const lands = await db
		.selectFrom('office_land')
		.select(['office_id', 'land_iso'])
		.orderBy('land_iso')
		.execute();
	const members = await db
		.selectFrom('staff_membership as m')
		.innerJoin('staff_user as u', 'u.id', 'm.user_id')
		.select(['m.office_id', 'm.role', 'u.id', 'u.email', 'u.name'])
		.where('u.disabled_at', 'is', null)
		.orderBy('u.id')
		.execute();
	const result: DemoOffice[] = [];
	for (const o of offices) {
		const officeId = Number(o.id);
		const staff: DemoStaff[] = members
			.filter((m) => Number(m.office_id) === officeId)
			.map((m) => ({
				id: Number(m.id),
				email: m.email,
				name: m.name,
				role: m.role as DemoStaff['role'],
				officeId,
				scope: mintScope(false, [officeId])
			}));
		const lead = staff.find((s) => s.role === 'office_lead');
		if (!lead) continue;
		result.push({
			id: officeId,
			key: o.key,
			laender: lands.filter((l) => Number(l.office_id) === officeId).map((l) => l.land_iso),
			lead,
			consultants: staff.filter((s) => s.role === 'consultant'),
			staff
		});
	}
	return result;
}

/** The network admin's whole-network scope (network events). */
export function networkScope(): OfficeScope {
	return mintScope(true, []);
}
