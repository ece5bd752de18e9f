import type { TestServices } from './test-database';

type Db = Pick<TestServices, 'db' | 'clock'>;

/**
 * A staff user without password or second factor who is a member of one office, written
 * straight into the test database; returns the new user's id. (identity-fixtures' addStaff is
 * the one that can log in.)
 */
export async function addOfficeStaff(
	s: Db,
	person: { email: string; name: string; officeId: number; role: 'office_lead' | 'consultant' }
): Promise<number> {
	const t = s.clock.now().getTime();
	const { id } = await s.db
		.insertInto('staff_user')
		.values({
			email: person.email,
			name: person.name,
			is_network_admin: 0,
			locale: 'de',
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await s.db
		.insertInto('staff_membership')
		.values({ user_id: id, office_id: person.officeId, role: person.role })
		.execute();
	return Number(id);
}

/**
 * Weekly hours Monday to Friday for a consultant in each of the formats: office hours
 * `officeHours`, every other format `otherHours` (both [start, end], Berlin wall time).
 */
export async function addWeekdayHours(
	s: Db,
	hours: {
		consultantId: number;
		officeId: number;
		formats: readonly ('office' | 'phone' | 'video')[];
		officeHours: [string, string];
		otherHours: [string, string];
	}
): Promise<void> {
	const created_at = s.clock.now().getTime();
	const { consultantId: consultant_id, officeId: office_id } = hours;
	const rules = hours.formats.flatMap((format) => {
		const [start_time, end_time] = format === 'office' ? hours.officeHours : hours.otherHours;
		const common = { consultant_id, office_id, format, start_time, end_time, created_at };
		return [1, 2, 3, 4, 5].map((weekday) => ({ ...common, weekday, valid_from: null, valid_to: null }));
	});
	await s.db.insertInto('availability_rule').values(rules).execute();
}
