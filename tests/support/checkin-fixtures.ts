import type { Locale } from '../../src/lib/i18n/locale';
import { sendDueCheckIns } from '../../src/lib/server/checkins/send';
import { setServices } from '../../src/lib/server/runtime';
import type { TestServices } from './test-database';
import { officeId } from './office-lookup';
import { addStaff } from './identity-fixtures';
import { addCreative } from './creative-fixtures';
import { openedCaseRow } from './case-file-row';

/**
 * Helpers for the checkins tests (imported by *.test.ts only): office, staff, creative,
 * case file and next-step rows written straight into the real test database.
 */
export interface CaseFixture {
	caseId: number;
	officeId: number;
	officeKey: string;
	consultantId: number;
	consultantEmail: string;
	creativeId: number;
	email: string;
}

export { officeId } from './office-lookup';

let counter = 0;

export async function addConsultant(
	s: TestServices,
	officeKey: string,
	options: { locale?: Locale; role?: 'office_lead' | 'consultant'; name?: string } = {}
) {
	const staff = await addStaff(s, {
		email: `berater${++counter}-${Math.floor(Math.random() * 1e6)}@example.org`,
		name: options.name ?? 'Bea Beraterin',
		password: false,
		totp: false,
		offices: [{ key: officeKey, role: options.role ?? 'consultant' }]
	});
	if (options.locale === 'en')
		await s.db.updateTable('staff_user').set({ locale: 'en' }).where('id', '=', staff.id).execute();
	return staff;
}

export async function addCase(
	s: TestServices,
	options: {
		officeKey?: string;
		consultantId?: number;
		consultantEmail?: string;
		email?: string;
		name?: string;
		locale?: Locale;
		status?: 'open' | 'paused' | 'closed';
		nextContactDueAt?: number | null;
		lastContactAt?: number | null;
		erased?: boolean;
	} = {}
): Promise<CaseFixture> {
	const t = s.clock.now().getTime();
	const officeKey = options.officeKey ?? 'nw';
	const office = await officeId(s, officeKey);
	let consultantId = options.consultantId;
	let consultantEmail = options.consultantEmail ?? '';
	if (consultantId == null) {
		const staff = await addConsultant(s, officeKey);
		consultantId = staff.id;
		consultantEmail = staff.email;
	}
	const email = options.email ?? `kreativ${++counter}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const creativeId = await addCreative(s, options.erased ? `erased-${counter}@invalid` : email, {
		locale: options.locale,
		erased: options.erased
	});
	const c = await s.db
		.insertInto('case_file')
		.values(
			openedCaseRow(t, {
				office_id: office,
				creative_id: creativeId,
				consultant_id: consultantId,
				name: options.erased ? '' : (options.name ?? 'Kim Kreativ'),
				status: options.status ?? 'open',
				last_contact_at: options.lastContactAt === undefined ? t : options.lastContactAt,
				next_contact_due_at: options.nextContactDueAt === undefined ? null : options.nextContactDueAt,
				closed_at: options.status === 'closed' ? t : null
			})
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	return {
		caseId: Number(c.id),
		officeId: office,
		officeKey,
		consultantId,
		consultantEmail,
		creativeId,
		email
	};
}

export async function addStep(
	s: TestServices,
	caseId: number,
	options: {
		text?: string;
		owner?: 'creative' | 'consultant';
		shared?: boolean;
		done?: boolean;
		dueOn?: string | null;
	} = {}
): Promise<number> {
	const t = s.clock.now().getTime();
	const row = await s.db
		.insertInto('next_step')
		.values({
			case_id: caseId,
			record_id: null,
			text: options.text ?? 'Honorar kalkulieren',
			owner: options.owner ?? 'creative',
			due_on: options.dueOn ?? null,
			shared: options.shared === false ? 0 : 1,
			done_at: options.done ? t : null,
			done_by_kind: options.done ? 'consultant' : null,
			created_at: t
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

export async function mails(s: TestServices, template: string) {
	return s.db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();
}

/** The token in the newest mail of a template to an address. */
export async function tokenFromMail(
	s: TestServices,
	template: string,
	to: string,
	path: string
): Promise<string> {
	const row = await s.db
		.selectFrom('outbox')
		.select('text_body')
		.where('template', '=', template)
		.where('to_address', '=', to)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const m = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(row.text_body);
	if (!m?.[1]) throw new Error(`no ${path} link in mail to ${to}`);
	return m[1];
}

export async function caseRow(s: TestServices, caseId: number) {
	return s.db.selectFrom('case_file').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
}

export async function caseEvents(s: TestServices, caseId: number) {
	const rows = await s.db
		.selectFrom('case_event')
		.select(['kind', 'actor_kind', 'data'])
		.where('case_id', '=', caseId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		kind: r.kind,
		actor: r.actor_kind,
		data: JSON.parse(r.data) as Record<string, unknown>
	}));
}

export async function auditRows(s: TestServices, prefix: string) {
	return s.db
		.selectFrom('audit_event')
		.select(['action', 'actor_kind', 'actor_id', 'subject_kind', 'subject_id', 'data'])
		.where('action', 'like', `${prefix}%`)
		.orderBy('id')
		.execute();
}

/**
 * For the check-in page tests: `s` serves the routes, a case's check-in is due and its mail
 * sent; the token of the mail's link.
 */
export async function sentCheckInToken(s: TestServices): Promise<string> {
	setServices(s);
	const f = await addCase(s, { nextContactDueAt: s.clock.now().getTime() });
	await sendDueCheckIns(s);
	return tokenFromMail(s, 'checkins.check_in', f.email, '/rueckmeldung');
}
