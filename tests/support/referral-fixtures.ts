import type { Locale } from '../../src/lib/i18n/locale';
import type { TestServices } from './test-database';
import { officeId } from './office-lookup';
import { seedDirectory } from '../../src/lib/server/directory/seed';
import { addStaff } from './identity-fixtures';
import { addCreative } from './creative-fixtures';
import type { ReferralStaffActor } from '../../src/lib/server/referrals/queries';
import { openedCaseRow } from './case-file-row';

/**
 * Helpers for the referral tests (imported by *.test.ts only): case rows written straight into
 * the real test database (the cases domain sits above this one) and staff
 * (scopes are minted in the test files themselves, like the gate would).
 */
export async function withDirectory(s: TestServices): Promise<void> {
	await seedDirectory(s.db, s.clock.now());
}

export { officeId } from './office-lookup';

export async function staffIn(
	s: TestServices,
	officeKey: string,
	role: 'office_lead' | 'consultant' | 'network_admin'
): Promise<ReferralStaffActor> {
	const f = await addStaff(s, {
		password: false,
		totp: false,
		admin: role === 'network_admin',
		offices: role === 'network_admin' ? [] : [{ key: officeKey, role }]
	});
	return { id: f.id, email: f.email, role };
}

let counter = 0;

export async function caseFixture(
	s: TestServices,
	options: {
		officeKey?: string;
		consultantId: number;
		land?: string | null;
		topics?: string[];
		submarket?: string | null;
		email?: string;
		locale?: Locale;
	}
): Promise<{ caseId: number; creativeId: number; officeId: number; email: string }> {
	const t = s.clock.now().getTime();
	const email = options.email ?? `kreativ${++counter}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const creativeId = await addCreative(s, email, { locale: options.locale });
	const office = await officeId(s, options.officeKey ?? 'nw');
	const c = await s.db
		.insertInto('case_file')
		.values(
			openedCaseRow(t, {
				office_id: office,
				creative_id: creativeId,
				consultant_id: options.consultantId,
				land_iso: options.land === undefined ? 'DE-NW' : options.land,
				submarket: options.submarket ?? null,
				topics: JSON.stringify(options.topics ?? [])
			})
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	return { caseId: Number(c.id), creativeId, officeId: office, email };
}

/**
 * The case route tests' start: the directory seeded, the offices `nw` and `by`, and in `nw` the
 * consultant of the case-to-be and a colleague of theirs (the tests add the others they need).
 */
export async function caseOfficeCast(s: TestServices) {
	await withDirectory(s);
	const nw = { id: await officeId(s, 'nw'), key: 'nw' };
	const by = { id: await officeId(s, 'by'), key: 'by' };
	const consultant = await staffIn(s, 'nw', 'consultant');
	const colleague = await staffIn(s, 'nw', 'consultant');
	return { nw, by, consultant, colleague };
}

/** A consultation record of the case; `shareReferrals` false hides its referrals from the creative. */
export async function recordFixture(
	s: TestServices,
	caseId: number,
	consultantId: number,
	shareReferrals = true
): Promise<number> {
	const t = s.clock.now().getTime();
	const r = await s.db
		.insertInto('consultation_record')
		.values({
			case_id: caseId,
			booking_id: null,
			consultant_id: consultantId,
			held_at: t,
			kind: 'first',
			format: 'office',
			outcome: 'referred',
			situation: null,
			advice: null,
			follow_up_weeks: null,
			share_referrals: shareReferrals ? 1 : 0,
			idempotency_key: null,
			created_at: t,
			updated_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(r.id);
}

export async function serviceIdOf(s: TestServices, key: string): Promise<number> {
	const r = await s.db
		.selectFrom('cp_service as sv')
		.innerJoin('cp_organization as o', 'o.id', 'sv.organization_id')
		.select('sv.id')
		.where('o.key', '=', key)
		.executeTakeFirstOrThrow();
	return Number(r.id);
}

/** The token from the newest follow-up mail of a referral. */
export async function followupToken(s: TestServices, referralId: number): Promise<string> {
	const mail = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('template', '=', 'referral.followup')
		.where('subject_id', '=', String(referralId))
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const m = /\/verweis\/([A-Za-z0-9_-]+)\?status=/.exec(mail.text_body);
	if (!m) throw new Error('no referral link in mail');
	return m[1]!;
}
