import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import { DAY } from '../../time/durations';
import { mintScope } from '../access/scope';
import { transact } from '../db/transaction';
import { getContactPointByKey } from '../directory/queries';
import {
	addReferralsByStaff,
	createReferrals,
	updateCaseReferralStatus,
	updateReferralStatusByCreative,
	updateReferralStatusByStaff,
	updateReferralStatusByToken
} from './commands';
import { sendDueReferralFollowups } from './followup';
import {
	caseForStaff,
	caseReferralsPage,
	contactPointOutcomes,
	contactPointPage,
	inspectReferralToken,
	referralsForCase,
	referralsForCreative,
	suggestContactPoints
} from './queries';
import {
	caseFixture,
	followupToken,
	officeId,
	recordFixture,
	serviceIdOf,
	staffIn,
	withDirectory
} from '../../../../tests/support/referral-fixtures';
import { raceTest } from '../../../../tests/support/race-name';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

let s = servicesClosedAfterEach();

async function setup() {
	s = await testServices();
	await withDirectory(s);
	const consultant = await staffIn(s, 'nw', 'consultant');
	return { s, consultant, nw: await officeId(s, 'nw') };
}

async function refer(caseId: number, keys: string[], staffId: number, recordId: number | null = null) {
	const ids = await Promise.all(keys.map((k) => serviceIdOf(s!, k)));
	return transact(s!.db, (trx) =>
		createReferrals(trx, {
			caseId,
			recordId,
			serviceIds: ids,
			staffId,
			now: s!.clock.now(),
			followupDays: 21
		})
	);
}

const audits = (action: string) =>
	s!.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
const changes = (referralId: number) =>
	s!.db
		.selectFrom('referral_status_change')
		.selectAll()
		.where('referral_id', '=', referralId)
		.orderBy('id')
		.execute();

describe('suggestContactPoints', () => {
	const NATIONAL = [
		'foerderdatenbank',
		'gruenderplattform',
		'gruendungszuschuss',
		'haus-der-selbststaendigen',
		'hwk',
		'ihk',
		'kfw-startgeld',
		'kreativpiloten',
		'ksk',
		'mediafon'
	];
	const table: { name: string; landIso: string | null; topics: string[]; first: string; lands: string[] }[] =
		[
			{
				name: 'NRW, market entry',
				landIso: 'DE-NW',
				topics: ['markteintritt'],
				first: 'creative-nrw',
				lands: ['creative-nrw']
			},
			{
				name: 'Rheinland-Pfalz, financing',
				landIso: 'DE-RP',
				topics: ['finanzierung'],
				first: 'starterzentren-rlp',
				lands: ['creative-startup-navigator', 'starterzentren-rlp']
			},
			// Niedersachsen's only entry is an advocacy body: nobody is referred there.
			{ name: 'Niedersachsen', landIso: 'DE-NI', topics: ['soziale_sicherung'], first: 'ksk', lands: [] },
			{
				name: 'no Land',
				landIso: null,
				topics: ['soziale_sicherung', 'preise_honorare'],
				first: 'mediafon',
				lands: []
			}
		];
	it.each(table)(
		'$name: national entries plus own Land, best match first',
		async ({ landIso, topics, first, lands }) => {
			const { s } = await setup();
			const found = await suggestContactPoints(s.db, { landIso, topics, submarket: null, locale: 'de' });
			const keys = await Promise.all(
				found.map(
					async (f) =>
						(
							await s.db
								.selectFrom('cp_organization')
								.select('key')
								.where('id', '=', f.organizationId)
								.executeTakeFirstOrThrow()
						).key
				)
			);
			expect(keys[0]).toBe(first);
			expect([...keys].sort()).toEqual([...NATIONAL, ...lands].sort());
			expect(found[0]!.matchedTopics.length).toBeGreaterThan(0);
			expect(found.every((f) => f.outcome.gotHelpShare === null)).toBe(true);
		}
	);
});

describe('aggregated outcomes', () => {
	it('hides the share below 5 outcomes and is exact from 5; "not needed" does not count', async () => {
		const { s, consultant } = await setup();
		const ksk = await serviceIdOf(s, 'ksk');
		const scope = mintScope(false, [await officeId(s, 'nw')]);
		const setStatus = async (status: string) => {
			const c = await caseFixture(s, { consultantId: consultant.id });
			const [id] = await refer(c.caseId, ['ksk'], consultant.id);
			expect(await updateReferralStatusByStaff(s, consultant, scope, id!, status)).toMatchObject({
				ok: true
			});
		};
		for (const st of ['got_help', 'got_help', 'no_help', 'not_needed', 'contacted']) await setStatus(st);
		await setStatus('no_capacity');
		// 4 outcomes (not_needed and contacted do not count): hidden.
		expect((await contactPointOutcomes(s.db, [ksk])).get(ksk)).toEqual({ count: 4, gotHelpShare: null });
		await setStatus('got_help');
		expect((await contactPointOutcomes(s.db, [ksk])).get(ksk)).toEqual({ count: 5, gotHelpShare: 0.6 });
		const all = await contactPointOutcomes(s.db);
		expect(all.get(ksk)).toEqual({ count: 5, gotHelpShare: 0.6 });
		// The entry's staff page reads the same figure with the entry (issue 17).
		const entry = (await getContactPointByKey(s.db, 'ksk'))!;
		expect(await contactPointPage(s.db, entry.id)).toEqual({
			entry,
			outcome: { count: 5, gotHelpShare: 0.6 }
		});
		expect(await contactPointPage(s.db, 999_999)).toBeNull();
		const suggested = await suggestContactPoints(s.db, {
			landIso: 'DE-NW',
			topics: [],
			submarket: null,
			locale: 'de'
		});
		expect(suggested.find((x) => x.serviceId === ksk)!.outcome).toEqual({ count: 5, gotHelpShare: 0.6 });
	});
});

describe('createReferrals', () => {
	it('creates suggested referrals with a due follow-up, once per service and case', async () => {
		const { s, consultant } = await setup();
		const c = await caseFixture(s, { consultantId: consultant.id });
		const ids = await refer(c.caseId, ['ksk', 'ihk', 'ksk'], consultant.id);
		expect(ids).toHaveLength(2);
		expect(await refer(c.caseId, ['ksk'], consultant.id)).toEqual([]);
		const unknown = await transact(s.db, (trx) =>
			createReferrals(trx, {
				caseId: c.caseId,
				recordId: null,
				serviceIds: [999999],
				staffId: consultant.id,
				now: s.clock.now(),
				followupDays: 21
			})
		);
		expect(unknown).toEqual([]);
		const list = await referralsForCase(s.db, c.caseId, 'de');
		expect(list.map((r) => [r.organizationName, r.status])).toEqual([
			['Künstlersozialkasse (KSK)', 'suggested'],
			[list[1]!.organizationName, 'suggested']
		]);
		expect(list[0]!.followupDueAt).toBe(s.clock.now().getTime() + 21 * DAY);
		expect(list[0]!.history).toEqual([
			{ at: s.clock.now().getTime(), status: 'suggested', actorKind: 'staff', actorId: consultant.id }
		]);
	});

	it('the staff page command audits each new referral and is scoped', async () => {
		const { s, consultant, nw } = await setup();
		const c = await caseFixture(s, { consultantId: consultant.id });
		const ksk = await serviceIdOf(s, 'ksk');
		const scope = mintScope(false, [nw]);
		const r = await addReferralsByStaff(s, consultant, scope, {
			officeId: nw,
			caseId: c.caseId,
			serviceIds: [ksk]
		});
		expect(r).toMatchObject({ ok: true, created: [expect.any(Number)] });
		expect(await audits('referral.created')).toHaveLength(1);
		// Double submit: nothing twice.
		expect(
			await addReferralsByStaff(s, consultant, scope, { officeId: nw, caseId: c.caseId, serviceIds: [ksk] })
		).toEqual({
			ok: true,
			created: []
		});
		const other = await staffIn(s, 'nw', 'consultant');
		expect(
			await addReferralsByStaff(s, other, scope, { officeId: nw, caseId: c.caseId, serviceIds: [ksk] })
		).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const by = await officeId(s, 'by');
		expect(
			await addReferralsByStaff(s, consultant, mintScope(false, [by]), {
				officeId: nw,
				caseId: c.caseId,
				serviceIds: [ksk]
			})
		).toEqual({ ok: false, reason: 'not_found' });
	});
});

describe('updateReferralStatusByStaff scope', () => {
	it('answers not_found for another office and for a consultant of another case; leads and admins may', async () => {
		const { s, consultant, nw } = await setup();
		const c = await caseFixture(s, { consultantId: consultant.id });
		const [id] = await refer(c.caseId, ['ksk'], consultant.id);
		const nwScope = mintScope(false, [nw]);
		const byLead = await staffIn(s, 'by', 'office_lead');
		const byScope = mintScope(false, [await officeId(s, 'by')]);
		const otherConsultant = await staffIn(s, 'nw', 'consultant');
		const lead = await staffIn(s, 'nw', 'office_lead');
		const admin = await staffIn(s, 'nw', 'network_admin');
		const table = [
			{ actor: byLead, scope: byScope, status: 'contacted', expected: { ok: false, reason: 'not_found' } },
			// An office lead of another office even with a (wrong) scope of this office id mismatch:
			{
				actor: otherConsultant,
				scope: nwScope,
				status: 'contacted',
				expected: { ok: false, reason: 'not_found' }
			},
			{
				actor: consultant,
				scope: nwScope,
				status: 'contacted',
				expected: { ok: true, changed: true, status: 'contacted' }
			},
			{
				actor: lead,
				scope: nwScope,
				status: 'got_help',
				expected: { ok: true, changed: true, status: 'got_help' }
			},
			{
				actor: admin,
				scope: nwScope,
				status: 'no_help',
				expected: { ok: true, changed: true, status: 'no_help' }
			},
			{
				actor: admin,
				scope: nwScope,
				status: 'no_help',
				expected: { ok: true, changed: false, status: 'no_help' }
			},
			{ actor: consultant, scope: nwScope, status: 'suggested', expected: { ok: false, reason: 'refused' } }
		];
		for (const row of table)
			expect(await updateReferralStatusByStaff(s, row.actor, row.scope, id!, row.status)).toEqual(
				row.expected
			);
		expect((await changes(id!)).map((ch) => ch.status)).toEqual([
			'suggested',
			'contacted',
			'got_help',
			'no_help'
		]);
		const a = await audits('referral.status_changed');
		expect(a).toHaveLength(3);
		expect(JSON.parse(a[2]!.data)).toMatchObject({ from: 'got_help', to: 'no_help', via: 'staff' });
	});
});

describe("a case's referral page (issue 17)", () => {
	it('lists the referrals and marks the suggestions already referred; an erased case gets none', async () => {
		const { s, consultant, nw } = await setup();
		const c = await caseFixture(s, { consultantId: consultant.id, topics: ['soziale_sicherung'] });
		const [id] = await refer(c.caseId, ['ksk'], consultant.id);
		const found = (await caseForStaff(s.db, mintScope(false, [nw]), consultant, nw, c.caseId))!;
		const page = await caseReferralsPage(s.db, found, 'de');
		expect(page.caseFile).toEqual({ id: c.caseId, name: 'Kim Kreativ', erased: false });
		expect(page.referrals.map((r) => r.id)).toEqual([id]);
		const ksk = await serviceIdOf(s, 'ksk');
		expect(page.suggestions.find((x) => x.serviceId === ksk)?.referred).toBe(true);
		expect(page.suggestions.filter((x) => x.referred)).toHaveLength(1);
		expect(page.statuses).toContain('contacted');
		expect(page.statuses).not.toContain('suggested');
		const erased = await caseReferralsPage(s.db, { ...found, name: '', erased: true }, 'de');
		expect(erased.suggestions).toEqual([]);
		expect(erased.referrals).toHaveLength(1);
	});

	it("changes a status only through the referral's own case; another case's is not found before the status counts", async () => {
		const { s, consultant, nw } = await setup();
		const scope = mintScope(false, [nw]);
		const a = await caseFixture(s, { consultantId: consultant.id });
		const b = await caseFixture(s, { consultantId: consultant.id });
		const [id] = await refer(a.caseId, ['ksk'], consultant.id);
		const change = (caseId: number, status: string, referralId = id!) =>
			updateCaseReferralStatus(s, consultant, scope, { caseId, referralId, status }, { requestId: 'r' });
		expect(await change(b.caseId, 'contacted')).toEqual({ ok: false, reason: 'not_found' });
		expect(await change(b.caseId, 'suggested')).toEqual({ ok: false, reason: 'not_found' });
		expect(await change(a.caseId, 'suggested')).toEqual({ ok: false, reason: 'refused' });
		expect(await change(a.caseId, 'contacted', Number.NaN)).toEqual({ ok: false, reason: 'not_found' });
		const colleague = await staffIn(s, 'nw', 'consultant');
		expect(
			await updateCaseReferralStatus(s, colleague, scope, {
				caseId: a.caseId,
				referralId: id!,
				status: 'contacted'
			})
		).toEqual({ ok: false, reason: 'not_found' });
		expect(await change(a.caseId, 'contacted')).toEqual({ ok: true, changed: true, status: 'contacted' });
		expect(await audits('referral.status_changed')).toHaveLength(1);
	});
});

describe('follow-up mail and token', () => {
	async function due() {
		const ctx = await setup();
		const c = await caseFixture(ctx.s, { consultantId: ctx.consultant.id });
		const [id] = await refer(c.caseId, ['ksk'], ctx.consultant.id);
		ctx.s.clock.advance(21 * DAY);
		return { ...ctx, c, id: id! };
	}

	it(raceTest('sends once per referral, also when run twice and in parallel'), async () => {
		const { s, c, id, consultant } = await due();
		const c2 = await caseFixture(s, { consultantId: consultant.id, locale: 'en' });
		await refer(c2.caseId, ['ihk'], consultant.id);
		// Only the first referral is due; c2's is due 21 days later.
		const [a, b] = await Promise.all([sendDueReferralFollowups(s), sendDueReferralFollowups(s)]);
		expect(a + b).toBe(1);
		expect(await sendDueReferralFollowups(s)).toBe(0);
		s.clock.advance(21 * DAY);
		const [x, y] = await Promise.all([sendDueReferralFollowups(s), sendDueReferralFollowups(s)]);
		expect(x + y).toBe(1);
		expect(await sendDueReferralFollowups(s)).toBe(0);
		const mails = await s.db
			.selectFrom('outbox')
			.selectAll()
			.where('template', '=', 'referral.followup')
			.orderBy('id')
			.execute();
		expect(mails.map((m) => [m.to_address, m.locale])).toEqual([
			[c.email, 'de'],
			[c2.email, 'en']
		]);
		expect(mails[0]!.subject).toBe('Hat es geholfen? Ihre Empfehlung: Künstlersozialkasse (KSK)');
		for (const st of ['contacted', 'got_help', 'no_help', 'not_eligible', 'no_capacity', 'not_needed'])
			expect(mails[0]!.text_body).toContain(`?status=${st}`);
		expect(mails[1]!.text_body).toContain('/en/verweis/');
		expect(await audits('referral.followup_sent')).toHaveLength(2);
		const stored = await s.db
			.selectFrom('referral')
			.select(['token_hash', 'followup_sent_at'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(mails[0]!.text_body).not.toContain(stored.token_hash!);
	});

	it('skips referrals with an outcome, erased cases, deleted creatives and unshared records', async () => {
		const { s, consultant, nw, c, id } = await due();
		await updateReferralStatusByStaff(s, consultant, mintScope(false, [nw]), id, 'got_help');
		const erased = await caseFixture(s, { consultantId: consultant.id });
		await s.db.updateTable('case_file').set({ name: '' }).where('id', '=', erased.caseId).execute();
		const gone = await caseFixture(s, { consultantId: consultant.id });
		await s.db.updateTable('creative').set({ deleted_at: 1 }).where('id', '=', gone.creativeId).execute();
		const hidden = await caseFixture(s, { consultantId: consultant.id });
		const rec = await recordFixture(s, hidden.caseId, consultant.id, false);
		for (const x of [erased, gone]) await refer(x.caseId, ['ksk'], consultant.id);
		await refer(hidden.caseId, ['ksk'], consultant.id, rec);
		s.clock.advance(30 * DAY);
		expect(await sendDueReferralFollowups(s)).toBe(0);
		expect(c.caseId).toBeGreaterThan(0);
	});

	it('the link page reads without changing; POST changes, again and again until expiry', async () => {
		const { s, id } = await due();
		await sendDueReferralFollowups(s);
		const token = await followupToken(s, id);
		const before = await changes(id);
		const seen = await inspectReferralToken(s.db, token, s.clock.now());
		expect(seen).toMatchObject({
			ok: true,
			referral: { id, status: 'suggested', serviceName: 'Künstlersozialkasse (KSK)' }
		});
		expect(await changes(id)).toEqual(before);

		expect(await updateReferralStatusByToken(s, token, 'got_help')).toEqual({
			ok: true,
			changed: true,
			status: 'got_help'
		});
		expect(await updateReferralStatusByToken(s, token, 'got_help')).toEqual({
			ok: true,
			changed: false,
			status: 'got_help'
		});
		expect(await updateReferralStatusByToken(s, token, 'no_help')).toEqual({
			ok: true,
			changed: true,
			status: 'no_help'
		});
		const rows = await changes(id);
		expect(rows.map((r) => [r.status, r.actor_kind])).toEqual([
			['suggested', 'staff'],
			['got_help', 'creative'],
			['no_help', 'creative']
		]);
		const a = await audits('referral.status_changed');
		expect(a.map((x) => [x.actor_kind, x.actor_label, JSON.parse(x.data).via])).toEqual([
			['creative', expect.stringMatching(/^creative \d+$/), 'link'],
			['creative', expect.stringMatching(/^creative \d+$/), 'link']
		]);

		expect(await updateReferralStatusByToken(s, 'x'.repeat(43), 'got_help')).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await inspectReferralToken(s.db, 'x'.repeat(43), s.clock.now())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		s.clock.advance(30 * DAY);
		expect(await inspectReferralToken(s.db, token, s.clock.now())).toEqual({ ok: false, reason: 'expired' });
		expect(await updateReferralStatusByToken(s, token, 'got_help')).toEqual({ ok: false, reason: 'expired' });
		expect((await changes(id)).length).toBe(3);
	});

	it("a token reaches only its own referral, never another case's", async () => {
		const { s, consultant, c, id } = await due();
		const [sameCase] = await refer(c.caseId, ['ihk'], consultant.id);
		const other = await caseFixture(s, { consultantId: consultant.id });
		const [otherRef] = await refer(other.caseId, ['ksk'], consultant.id);
		await sendDueReferralFollowups(s);
		const token = await followupToken(s, id);
		await updateReferralStatusByToken(s, token, 'not_needed');
		const statuses = await s.db.selectFrom('referral').select(['id', 'status']).orderBy('id').execute();
		expect(statuses.map((r) => [Number(r.id), r.status])).toEqual([
			[id, 'not_needed'],
			[sameCase!, 'suggested'],
			[otherRef!, 'suggested']
		]);
	});
});

describe('portal', () => {
	it('lists shared referrals and lets only their owner change them', async () => {
		const { s, consultant } = await setup();
		const mine = await caseFixture(s, { consultantId: consultant.id });
		const theirs = await caseFixture(s, { consultantId: consultant.id });
		const shared = await recordFixture(s, mine.caseId, consultant.id, true);
		const unshared = await recordFixture(s, mine.caseId, consultant.id, false);
		const [a] = await refer(mine.caseId, ['ksk'], consultant.id, shared);
		const [b] = await refer(mine.caseId, ['ihk'], consultant.id, unshared);
		const [c] = await refer(mine.caseId, ['hwk'], consultant.id, null);
		const [d] = await refer(theirs.caseId, ['ksk'], consultant.id);
		const list = await referralsForCreative(s.db, mine.creativeId, 'de');
		expect(list.map((r) => r.id).sort()).toEqual([a!, c!].sort());
		expect(list[0]!.officeName).toContain('Nordrhein-Westfalen');
		expect(await updateReferralStatusByCreative(s, mine.creativeId, a!, 'got_help')).toEqual({
			ok: true,
			changed: true,
			status: 'got_help'
		});
		expect(await updateReferralStatusByCreative(s, mine.creativeId, b!, 'got_help')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await updateReferralStatusByCreative(s, mine.creativeId, d!, 'got_help')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await updateReferralStatusByCreative(s, mine.creativeId, c!, 'bogus')).toEqual({
			ok: false,
			reason: 'refused'
		});
		const a1 = await audits('referral.status_changed');
		expect(a1).toHaveLength(1);
		expect(JSON.parse(a1[0]!.data)).toMatchObject({ via: 'portal', to: 'got_help' });
	});
});
