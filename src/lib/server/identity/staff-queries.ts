import { type Selectable, sql } from 'kysely';
import type { DB } from '../db/schema';
import type { Db, Tx } from '../db/transaction';
import { type StaffStatus, staffStatus } from './login-rules';
import type { Membership } from './principal';

/** Staff as the admin pages see them. Rows are mapped here; nothing above sees a driver type. */
export interface StaffListItem {
	id: number;
	name: string;
	email: string;
	isNetworkAdmin: boolean;
	status: StaffStatus;
	totpEnrolled: boolean;
	memberships: Membership[];
}

export interface StaffDetail extends StaffListItem {
	locale: string;
	createdAt: number;
	disabledAt: number | null;
	/** Unused recovery codes left (only meaningful while enrolled). */
	recoveryCodesLeft: number;
}

export interface AssignableOffice {
	id: number;
	key: string;
	name: string;
	active: boolean;
}

export type MembershipRole = Membership['role'];

export interface MembershipInput {
	officeId: number;
	role: MembershipRole;
}

async function membershipsByUser(db: Db | Tx, userIds: number[]): Promise<Map<number, Membership[]>> {
	const map = new Map<number, Membership[]>();
	if (userIds.length === 0) return map;
	const rows = await db
		.selectFrom('staff_membership as m')
		.innerJoin('office as o', 'o.id', 'm.office_id')
		.select(['m.user_id', 'm.office_id', 'm.role', 'o.key', 'o.name'])
		.where('m.user_id', 'in', userIds)
		.orderBy('o.name')
		.execute();
	for (const r of rows) {
		const list = map.get(r.user_id) ?? [];
		list.push({ officeId: r.office_id, officeKey: r.key, officeName: r.name, role: r.role });
		map.set(r.user_id, list);
	}
	return map;
}

const columns = [
	'id',
	'name',
	'email',
	'is_network_admin',
	'password_hash',
	'disabled_at',
	'totp_enabled_at',
	'locale',
	'created_at'
] as const;

/** What the list and the detail page both show of an account. */
function listItem(
	u: Pick<Selectable<DB['staff_user']>, (typeof columns)[number]>,
	memberships: Map<number, Membership[]>
): StaffListItem {
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		isNetworkAdmin: u.is_network_admin === 1,
		status: staffStatus(u),
		totpEnrolled: u.totp_enabled_at !== null,
		memberships: memberships.get(u.id) ?? []
	};
}

export const STAFF_PAGE_SIZE = 50;

export interface StaffListQuery {
	/** Part of the name or e-mail address, case-insensitive. */
	q?: string | null;
	/** 1-based. */
	page?: number;
	pageSize?: number;
}

const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The search of the staff list: part of the name or the address, case-insensitive. */
const nameOrEmailContains = (text: string) =>
	sql<boolean>`(lower(name) like ${likeContains(text)} escape '\\' or lower(email) like ${likeContains(text)} escape '\\')`;

/**
 * Issue 14: one page of staff in SQL, optionally searched. `total` counts only up to one past
 * this page (enough for a "next page" link), never the whole table.
 */
export async function staffPage(
	db: Db,
	query: StaffListQuery
): Promise<{ items: StaffListItem[]; total: number; page: number; pageSize: number }> {
	const pageSize = Math.max(1, query.pageSize ?? STAFF_PAGE_SIZE);
	const page = Math.max(1, Math.floor(query.page ?? 1));
	let base = db.selectFrom('staff_user');
	if (query.q) base = base.where(nameOrEmailContains(query.q));
	const [count, items] = await Promise.all([
		db
			.selectFrom(
				base
					.select(sql<number>`1`.as('one'))
					.limit(page * pageSize + 1)
					.as('m')
			)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow(),
		listStaff(db, { ...query, page, pageSize })
	]);
	return { items, total: Number(count.n), page, pageSize };
}

export async function listStaff(db: Db, query: StaffListQuery = {}): Promise<StaffListItem[]> {
	let q = db.selectFrom('staff_user').select(columns).orderBy('name').orderBy('id');
	if (query.q) q = q.where(nameOrEmailContains(query.q));
	if (query.pageSize) q = q.limit(query.pageSize).offset(((query.page ?? 1) - 1) * query.pageSize);
	const users = await q.execute();
	const memberships = await membershipsByUser(
		db,
		users.map((u) => u.id)
	);
	return users.map((u) => listItem(u, memberships));
}

export async function getStaff(db: Db | Tx, userId: number): Promise<StaffDetail | null> {
	const u = await db.selectFrom('staff_user').select(columns).where('id', '=', userId).executeTakeFirst();
	if (!u) return null;
	const memberships = await membershipsByUser(db, [u.id]);
	const codes = await db
		.selectFrom('recovery_code')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', u.id)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return {
		...listItem(u, memberships),
		locale: u.locale,
		createdAt: u.created_at,
		disabledAt: u.disabled_at,
		recoveryCodesLeft: Number(codes.n)
	};
}

/** The admin's page of one account (issue 17: one read): the account and the offices to assign. */
export async function staffAccountPage(
	db: Db | Tx,
	userId: number
): Promise<{ user: StaffDetail; offices: AssignableOffice[] } | null> {
	const user = await getStaff(db, userId);
	return user ? { user, offices: await assignableOffices(db) } : null;
}

/** Every office a person can be assigned to, active ones first. */
export async function assignableOffices(db: Db | Tx): Promise<AssignableOffice[]> {
	const rows = await db
		.selectFrom('office')
		.select(['id', 'key', 'name', 'active'])
		.orderBy('active', 'desc')
		.orderBy('name')
		.execute();
	return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, active: r.active === 1 }));
}

/**
 * Whether a staff account (other than `exceptId`) already uses this address. The invite and
 * edit commands ask it in their transaction; issue 16: the staff forms ask it also when other
 * fields failed, so every error shows in one round.
 */
export async function staffEmailTaken(
	db: Db | Tx,
	email: string,
	exceptId: number | null = null
): Promise<boolean> {
	const normal = email.trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normal)) return false;
	let q = db.selectFrom('staff_user').select('id').where('email', '=', normal);
	if (exceptId !== null) q = q.where('id', '!=', exceptId);
	return (await q.executeTakeFirst()) !== undefined;
}
