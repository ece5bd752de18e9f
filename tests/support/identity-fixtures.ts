import { mintScope } from '../../src/lib/server/access/scope';
import type { Services } from '../../src/lib/server/runtime';
import { officeId as officeIdByKey } from './office-lookup';
import { hashToken } from '../../src/lib/server/platform/tokens';
import { hashPassword } from '../../src/lib/server/identity/password';
import { createSession } from '../../src/lib/server/identity/sessions';
import { insertStaffUser } from '../../src/lib/server/identity/staff-user-insert';
import { newTotpSecret, timeStep, totpAt } from '../../src/lib/server/identity/totp';

/**
 * Helpers for the identity tests (imported by *.test.ts only): staff rows in a known state
 * and half sessions, written straight into the real test database.
 */
export const TEST_PASSWORD = 'richtig-langes-Passwort-42';

let cachedHash: Promise<string> | null = null;
/** argon2 is slow on purpose; one hash of the test password serves every fixture. */
function testPasswordHash(): Promise<string> {
	cachedHash ??= hashPassword(TEST_PASSWORD);
	return cachedHash;
}

export interface StaffFixture {
	id: number;
	email: string;
	name: string;
	secret: string | null;
}

/** A member of one office who has no password (the tests act as them, they never sign in). */
export function addOfficeMember(
	s: Services,
	name: string,
	officeKey: string,
	role: 'office_lead' | 'consultant'
): Promise<StaffFixture> {
	return addStaff(s, { name, password: false, offices: [{ key: officeKey, role }] });
}

export async function addStaff(
	s: Services,
	options: {
		email?: string;
		name?: string;
		admin?: boolean;
		password?: boolean;
		totp?: boolean;
		disabled?: boolean;
		offices?: { key: string; role: 'office_lead' | 'consultant' }[];
	} = {}
): Promise<StaffFixture> {
	const t = s.clock.now().getTime();
	const email = options.email ?? `person${Math.floor(Math.random() * 1e9)}@example.org`;
	const name = options.name ?? 'Erika Beispiel';
	const secret = options.totp === false ? null : newTotpSecret();
	const id = await insertStaffUser(
		s.db,
		{
			email,
			name,
			isNetworkAdmin: options.admin === true,
			passwordHash: options.password === false ? null : await testPasswordHash(),
			totpSecret: secret ? s.secrets.seal(secret) : null,
			totpEnabledAt: secret ? t : null,
			disabledAt: options.disabled ? t : null
		},
		t
	);
	for (const m of options.offices ?? []) {
		await s.db
			.insertInto('staff_membership')
			.values({ user_id: id, office_id: await officeIdByKey(s, m.key), role: m.role })
			.execute();
	}
	return { id, email, name, secret };
}

/** A session for the user, as after the password step (or a full one); returns its hash. */
export async function sessionFor(s: Services, userId: number, stage: 'password' | 'full' = 'password') {
	const { token } = await createSession(
		s.db,
		{ subjectKind: 'staff', subjectId: userId, stage, clientAddress: '192.0.2.1', userAgent: 'test' },
		{ idleMinutes: 30, absoluteHours: 10 },
		s.clock.now()
	);
	return { token, hash: hashToken(token) };
}

export function currentCode(s: Services, secret: string, offsetSteps = 0): string {
	return totpAt(secret, timeStep(s.clock.now()) + offsetSteps);
}

export async function auditActions(s: Services): Promise<string[]> {
	const rows = await s.db.selectFrom('audit_event').select('action').orderBy('id').execute();
	return rows.map((r) => r.action);
}

export async function sessionsOf(s: Services, userId: number) {
	return s.db
		.selectFrom('session')
		.select(['id_hash', 'stage'])
		.where('subject_kind', '=', 'staff')
		.where('subject_id', '=', userId)
		.execute();
}

/** Pulls the token out of the link in the newest outbox mail to `to`. */
export async function linkTokenFromMail(s: Services, to: string, pathPart: string): Promise<string> {
	const row = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('to_address', '=', to)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const match = new RegExp(`${pathPart}/([A-Za-z0-9_-]+)`).exec(row.text_body);
	if (!match?.[1]) throw new Error(`no ${pathPart} link in mail to ${to}`);
	return match[1];
}

/** An office lead of the office `key`, with the office's id and the scope the gate would mint. */
export async function addOfficeLead(s: Services, key: string) {
	const officeId = await officeIdByKey(s, key);
	const staff = await addStaff(s, { offices: [{ key, role: 'office_lead' }] });
	return { officeId, staff, scope: mintScope(false, [officeId]) };
}
