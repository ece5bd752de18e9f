import { expressionBuilder, sql } from 'kysely';
import type { DB } from '../db/schema';
import type { Db, Tx } from '../db/transaction';

/**
 * Issue 13, part 6 (Art. 15 (1) c and the access log): who read or changed the person's data,
 * which mails were written about them, and to whom their data went. Staff-internal texts stay
 * out: no staff names in the log (the office and the role say who), no audit details, no mail
 * bodies of mails about the person that went to someone else.
 */
export interface AccessSections {
	access_log: { at: string | null; action: string; office: string | null; role: string }[];
	mails_about_me: { created_at: string | null; subject: string; status: string; sent_at: string | null }[];
	recipients: {
		offices: string[];
		consultants: string[];
		contact_points: { organisation: string; service: string }[];
	};
}

const instant = (v: number | null | undefined) => (v == null ? null : new Date(Number(v)).toISOString());

type AboutThePerson = { email: string; caseIds: number[]; bookingIds: number[] };

export async function exportAccess(db: Db | Tx, input: AboutThePerson): Promise<AccessSections> {
	if (input.caseIds.length + input.bookingIds.length === 0)
		return {
			access_log: [],
			mails_about_me: [],
			recipients: { offices: [], consultants: [], contact_points: [] }
		};
	const audit = await accessLogRows(db, input);
	const mails = await mailsAboutMeRows(db, input);
	const recipients = await recipientsOf(db, input);
	return {
		access_log: audit.map((r) => ({
			at: instant(r.at),
			action: r.action,
			office: r.office_name ?? null,
			role:
				r.actor_kind === 'system'
					? 'system'
					: Number(r.is_network_admin) === 1
						? 'network_admin'
						: (r.role ?? 'staff')
		})),
		mails_about_me: mails.map((m) => ({
			created_at: instant(m.created_at),
			subject: m.subject,
			status: m.status,
			sent_at: instant(m.sent_at)
		})),
		recipients
	};
}

// `in ()` is not valid SQL; an id no row has stands in for an empty list.
const ids = (xs: number[]) => (xs.length > 0 ? xs.map(String) : ['-1']);

/**
 * Audit rows and mails name what they are about alike (subject kind and id): the person's
 * cases and bookings. `table` is the alias prefix of the query's audit_event or outbox.
 */
function aboutThePerson(input: AboutThePerson, table: 'a.' | '') {
	const kind = sql.ref<string>(`${table}subject_kind`);
	const id = sql.ref<string>(`${table}subject_id`);
	const eb = expressionBuilder<DB, never>();
	return eb.or([
		eb.and([eb(kind, '=', 'case'), eb(id, 'in', ids(input.caseIds))]),
		eb.and([eb(kind, '=', 'booking'), eb(id, 'in', ids(input.bookingIds))])
	]);
}

function accessLogRows(db: Db | Tx, input: AboutThePerson) {
	return db
		.selectFrom('audit_event as a')
		.leftJoin('office as o', 'o.id', 'a.office_id')
		.leftJoin('staff_user as u', 'u.id', 'a.actor_id')
		.leftJoin('staff_membership as m', (j) =>
			j.onRef('m.user_id', '=', 'a.actor_id').onRef('m.office_id', '=', 'a.office_id')
		)
		.select(['a.at', 'a.action', 'a.actor_kind', 'o.name as office_name', 'u.is_network_admin', 'm.role'])
		.where('a.actor_kind', 'in', ['staff', 'system'])
		.where(aboutThePerson(input, 'a.'))
		.orderBy('a.id')
		.execute();
}

/** Mails to the person themselves are in their own export; these went to someone else. */
function mailsAboutMeRows(db: Db | Tx, input: AboutThePerson) {
	return db
		.selectFrom('outbox')
		.select(['created_at', 'subject', 'status', 'sent_at'])
		.where('to_address', '!=', input.email)
		.where(aboutThePerson(input, ''))
		.orderBy('id')
		.execute();
}

/** The office and consultant of each of the person's cases or bookings (both rows carry them). */
async function officeAndConsultant(db: Db | Tx, table: 'case_file' | 'booking', ids: number[]) {
	if (ids.length === 0) return [];
	// One query for both tables: they name the columns read here alike.
	return db
		.selectFrom(`${table} as x` as 'booking as x')
		.innerJoin('office as o', 'o.id', 'x.office_id')
		.innerJoin('staff_user as u', 'u.id', 'x.consultant_id')
		.select(['o.name as office', 'u.name as consultant'])
		.where('x.id', 'in', ids)
		.execute();
}

async function recipientsOf(db: Db | Tx, input: AboutThePerson): Promise<AccessSections['recipients']> {
	const people = await officeAndConsultant(db, 'case_file', input.caseIds);
	const booked = await officeAndConsultant(db, 'booking', input.bookingIds);
	const referred =
		input.caseIds.length > 0
			? await db
					.selectFrom('referral as r')
					.innerJoin('cp_service as s', 's.id', 'r.service_id')
					.innerJoin('cp_organization as g', 'g.id', 's.organization_id')
					.select(['g.name as organisation', 's.name as service'])
					.where('r.case_id', 'in', input.caseIds)
					.orderBy('r.id')
					.execute()
			: [];
	const unique = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'de'));
	const all = [...people, ...booked];
	const seen = new Set<string>();
	return {
		offices: unique(all.map((p) => p.office)),
		consultants: unique(all.map((p) => p.consultant)),
		contact_points: referred.filter((r) => {
			const key = `${r.organisation}\u0000${r.service}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
	};
}
