import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import { berlinDate } from '../../time/berlin';
import { DAY } from '../../time/durations';
import { bookingFixture } from '../../../../tests/support/booking-fixtures';
import { consultant, lead, officeScope } from '../../../../tests/support/case-fixtures';
import { CASELOAD_PAGE_SIZE, type CaseloadFilter, caseload } from './caseload';
import { dueState, isStalled } from './rhythm-rules';
import { getCaseSettings } from './settings';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

// Issue 14: the header counts are aggregates over the whole caseload, not over the page shown,
// and the pages together list every case exactly once. The expected numbers are computed here
// from the rows with the rules of rhythm-rules.ts (as the dashboard did before it paged).

let s = servicesClosedAfterEach();

const CASES = 2 * CASELOAD_PAGE_SIZE + 17;

async function seedCaseload(svc: TestServices) {
	const f = await bookingFixture(svc);
	const now = svc.clock.now().getTime();
	const today = berlinDate(now);
	const statuses = ['open', 'open', 'open', 'paused', 'closed'] as const;
	const creatives = await svc.db
		.insertInto('creative')
		.values(
			Array.from({ length: CASES }, (_, i) => ({
				email: `p${i}@example.org`,
				email_verified_at: now,
				created_at: now,
				updated_at: now
			}))
		)
		.returning('id')
		.execute();
	const cases = await svc.db
		.insertInto('case_file')
		.values(
			creatives.map((c, i) => ({
				office_id: f.officeId,
				creative_id: Number(c.id),
				consultant_id: i % 4 === 0 ? f.secondConsultantId : f.consultantId,
				name: i % 7 === 0 ? `Müller ${i}` : `Person ${i}`,
				status: statuses[i % statuses.length]!,
				opened_at: now - (200 - (i % 150)) * DAY,
				// Spread over "long overdue" … "in two weeks"; some without a date or last contact.
				last_contact_at: i % 9 === 0 ? null : now - (i % 90) * DAY,
				next_contact_due_at: i % 11 === 0 ? null : now + ((i % 30) - 15) * DAY + (i % 5) * 3_600_000,
				closed_at: statuses[i % statuses.length] === 'closed' ? now : null,
				created_at: now,
				updated_at: now
			}))
		)
		.returning('id')
		.execute();
	const ids = cases.map((c) => Number(c.id));
	// Steps: open overdue, open due later, done; check-ins answered unseen, seen, unanswered.
	await svc.db
		.insertInto('next_step')
		.values(
			ids.flatMap((id, i) =>
				i % 3 === 0
					? [
							{ case_id: id, text: 'a', owner: 'creative' as const, due_on: '2020-01-01', created_at: now },
							{ case_id: id, text: 'b', owner: 'consultant' as const, due_on: '2999-01-01', created_at: now },
							{
								case_id: id,
								text: 'c',
								owner: 'creative' as const,
								due_on: '2020-01-01',
								done_at: now,
								created_at: now
							}
						]
					: i % 5 === 1
						? [{ case_id: id, text: 'd', owner: 'creative' as const, due_on: today, created_at: now }]
						: []
			)
		)
		.execute();
	await svc.db
		.insertInto('check_in')
		.values(
			ids
				.filter((_, i) => i % 4 === 1)
				.map((id, k) => ({
					case_id: id,
					token_hash: `t${id}`,
					due_at: now - DAY,
					sent_at: now - DAY,
					expires_at: now + DAY,
					answered_at: k % 3 === 2 ? null : now - 3_600_000 + k,
					wants_follow_up: k % 2,
					seen_at: k % 3 === 1 ? now : null
				}))
		)
		.execute();
	return { f, ids };
}

/** The expected counts, computed in JavaScript over every row of the caseload. */
async function expected(
	svc: TestServices,
	officeId: number,
	consultantId: number | null,
	filter: CaseloadFilter
) {
	const now = svc.clock.now().getTime();
	const today = berlinDate(now);
	const settings = await getCaseSettings(svc.db, officeId);
	let q = svc.db.selectFrom('case_file').selectAll().where('office_id', '=', officeId);
	if (consultantId != null) q = q.where('consultant_id', '=', consultantId);
	const rows = (await q.execute()).filter(
		(c) =>
			(filter.state === 'closed' ? c.status === 'closed' : c.status !== 'closed') &&
			(!filter.q || c.name.toLowerCase().includes(filter.q.toLowerCase()))
	);
	const ids = new Set(rows.map((r) => Number(r.id)));
	const steps = (await svc.db.selectFrom('next_step').selectAll().execute()).filter(
		(st) => ids.has(Number(st.case_id)) && st.done_at == null && st.due_on != null && st.due_on < today
	);
	const answers = (await svc.db.selectFrom('check_in').selectAll().execute()).filter(
		(a) => ids.has(Number(a.case_id)) && a.answered_at != null && a.seen_at == null
	);
	const open = rows.filter((r) => r.status === 'open');
	const due = (r: (typeof rows)[number]) =>
		dueState(r.next_contact_due_at == null ? null : Number(r.next_contact_due_at), now);
	const stalled = (r: (typeof rows)[number]) =>
		isStalled(
			r.last_contact_at == null ? null : Number(r.last_contact_at),
			Number(r.opened_at),
			now,
			settings
		);
	const attention = rows.filter(
		(r) =>
			(r.status === 'open' && (due(r) === 'due' || due(r) === 'overdue' || stalled(r))) ||
			steps.some((st) => Number(st.case_id) === Number(r.id)) ||
			answers.some((a) => Number(a.case_id) === Number(r.id))
	);
	return {
		counts: {
			open: open.length,
			paused: rows.filter((r) => r.status === 'paused').length,
			due: open.filter((r) => due(r) === 'due').length,
			overdue: open.filter((r) => due(r) === 'overdue').length,
			overdueSteps: steps.length,
			stalled: open.filter(stalled).length,
			answers: answers.length
		},
		listed: (filter.attention ? attention : rows).map((r) => Number(r.id)).sort((a, b) => a - b)
	};
}

describe('caseload at scale (issue 14)', () => {
	it('counts over the whole caseload and pages through every case exactly once', async () => {
		s = await testServices();
		const { f } = await seedCaseload(s);
		const scope = officeScope(f.officeId);
		const now = s.clock.now();
		const filters: [string, CaseloadFilter, 'lead' | 'consultant'][] = [
			['lead, active', { consultantId: null, state: 'active', attention: false, q: null }, 'lead'],
			['lead, attention', { consultantId: null, state: 'active', attention: true, q: null }, 'lead'],
			['lead, closed', { consultantId: null, state: 'closed', attention: false, q: null }, 'lead'],
			['lead, search', { consultantId: null, state: 'active', attention: false, q: 'Müller' }, 'lead'],
			[
				'lead, one consultant',
				{ consultantId: f.secondConsultantId, state: 'active', attention: false, q: null },
				'lead'
			],
			['consultant', { consultantId: null, state: 'active', attention: true, q: null }, 'consultant']
		];
		for (const [label, filter, who] of filters) {
			const actor = who === 'lead' ? lead(1) : consultant(f);
			const want = await expected(
				s,
				f.officeId,
				who === 'lead' ? filter.consultantId : f.consultantId,
				filter
			);
			const seen: number[] = [];
			let page = 1;
			let pages = 1;
			do {
				const load = await caseload(s.db, scope, actor, f.officeId, now, { ...filter, page });
				expect(load.counts, label).toEqual(want.counts);
				expect(load.total, label).toBe(want.listed.length);
				expect(load.rows.length, label).toBeLessThanOrEqual(CASELOAD_PAGE_SIZE);
				expect(load.answers.length, label).toBe(Math.min(want.counts.answers, 20));
				seen.push(...load.rows.map((r) => r.id));
				pages = load.pages;
				page++;
			} while (page <= pages);
			expect(new Set(seen).size, label).toBe(seen.length);
			expect(
				[...seen].sort((a, b) => a - b),
				label
			).toEqual(want.listed);
		}
		// The unfiltered lead view spans three pages; a page beyond the last shows the last.
		const all = { consultantId: null, state: 'active' as const, attention: false, q: null };
		const beyond = await caseload(s.db, scope, lead(1), f.officeId, now, { ...all, page: 99 });
		expect(beyond.pages).toBeGreaterThanOrEqual(2);
		expect(beyond.page).toBe(beyond.pages);
		expect(beyond.rows.length).toBeGreaterThan(0);
	});
});
