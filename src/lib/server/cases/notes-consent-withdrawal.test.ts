import type { Locale } from '../../i18n/locale';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { type TestServices, testServices } from '../../../../tests/support/test-database';
import WithI18n from '../../../../tests/support/WithI18n.svelte';
import CaseTimeline from '$lib/components/cases/CaseTimeline.svelte';
import { formatDate } from '$lib/format/datetime';
import { MINUTE } from '../../time/durations';
import { type BookingFixture, servicesWithBookingFixture } from '../../../../tests/support/booking-fixtures';
import { transact } from '../db/transaction';
import { ensureCaseForBooking } from './open';
import {
	confirmedBooking,
	consultant,
	lead,
	officeScope,
	recordByConsultant,
	kimWithNotesConsent
} from '../../../../tests/support/case-fixtures';
import { loadCase } from './load';
import { recordNotesConsentWithdrawal, withdrawNotesConsentAsCreative } from './notes-consent-withdrawal';
import { caseTimeline, type TimelineEntry } from './timeline';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';

/** Issue 13, part 3: withdrawing the notes consent deletes the notes at once, on both databases. */
let s = servicesClosedAfterEach();

async function setup(): Promise<{ s: TestServices; f: BookingFixture; kim: number; other: number }> {
	const { s, f } = await servicesWithBookingFixture();
	const kim = await kimWithNotesConsent(s, f);
	const other = await confirmedBooking(s, f, {
		day: '2026-06-17',
		email: 'ole@example.org',
		name: 'Ole Otto',
		notesConsent: true
	});
	for (const [caseId, text] of [
		[kim.caseId, 'Kim'],
		[kim.caseId, 'Kim zwei'],
		[other.caseId, 'Ole']
	] as const) {
		const r = await recordByConsultant(s, f, caseId, { situation: `Lage ${text}`, advice: `Rat ${text}` });
		if (!r.ok) throw new Error(`record failed: ${r.reason}`);
	}
	return { s, f, kim: kim.caseId, other: other.caseId };
}

async function notesOf(s: TestServices, caseId: number) {
	return s.db
		.selectFrom('consultation_record')
		.select(['situation', 'advice', 'outcome'])
		.where('case_id', '=', caseId)
		.orderBy('id')
		.execute();
}

async function creativeOf(s: TestServices, caseId: number) {
	const c = await loadCase(s.db, caseId);
	return c!.creativeId;
}

async function withdrawalAudits(s: TestServices) {
	const rows = await s.db
		.selectFrom('audit_event')
		.select(['actor_kind', 'subject_id', 'office_id', 'data'])
		.where('action', '=', 'case.notes_consent_withdrawn')
		.execute();
	return rows.map((r) => ({ ...r, data: JSON.parse(r.data) }));
}

describe('notes consent withdrawn by the creative', () => {
	it("deletes every note of the person's cases at once, keeps the rest, shows the date and audits the counts", async () => {
		const { s, f, kim, other } = await setup();
		const creativeId = await creativeOf(s, kim);
		const r = await withdrawNotesConsentAsCreative(s, creativeId);
		expect(r).toEqual({ ok: true, cases: 1, records: 2 });
		expect(await notesOf(s, kim)).toEqual([
			{ situation: null, advice: null, outcome: 'plan_agreed' },
			{ situation: null, advice: null, outcome: 'plan_agreed' }
		]);
		expect(await notesOf(s, other)).toEqual([
			{ situation: 'Lage Ole', advice: 'Rat Ole', outcome: 'plan_agreed' }
		]);
		const c = await loadCase(s.db, kim);
		expect(c).toMatchObject({
			notesConsentVersion: null,
			notesConsentAt: null,
			notesConsentWithdrawnAt: s.clock.now().getTime()
		});
		expect(await withdrawalAudits(s)).toEqual([
			{
				actor_kind: 'creative',
				subject_id: String(kim),
				office_id: f.officeId,
				data: { via: 'portal', creativeId, cases: 1, records: 2 }
			}
		]);
	});

	it('refuses notes in later records until a new consent, but still takes the structured record', async () => {
		const { s, f, kim } = await setup();
		await withdrawNotesConsentAsCreative(s, await creativeOf(s, kim));
		const _scope = officeScope(f.officeId);
		expect(await recordByConsultant(s, f, kim, { situation: 'neu' })).toEqual({
			ok: false,
			reason: 'no_consent'
		});
		expect(await recordByConsultant(s, f, kim, { advice: 'neu' })).toEqual({
			ok: false,
			reason: 'no_consent'
		});
		expect((await recordByConsultant(s, f, kim)).ok).toBe(true);
	});

	it('is not revived by a booking consented before the withdrawal, but a later consent counts again', async () => {
		const { s, kim } = await setup();
		const booking = await s.db
			.selectFrom('booking')
			.select(['id', 'consented_at'])
			.where('case_id', '=', kim)
			.executeTakeFirstOrThrow();
		s.clock.advance(MINUTE);
		await withdrawNotesConsentAsCreative(s, await creativeOf(s, kim));
		// The booking path joins a booking to the case whenever it is confirmed: replay it.
		const join = async () => {
			await s.db.updateTable('booking').set({ case_id: null }).where('id', '=', booking.id).execute();
			await transact(s.db, (trx) =>
				ensureCaseForBooking(trx, Number(booking.id), {
					now: s.clock.now(),
					verified: true,
					actor: { kind: 'system', id: null }
				})
			);
			return (await loadCase(s.db, kim))!.notesConsentVersion;
		};
		expect(await join()).toBeNull();
		s.clock.advance(MINUTE);
		await s.db
			.updateTable('booking')
			.set({ consented_at: s.clock.now().getTime() })
			.where('id', '=', booking.id)
			.execute();
		expect(await join()).not.toBeNull();
	});

	it('answers not_found for someone without a case', async () => {
		s = await testServices();
		expect(await withdrawNotesConsentAsCreative(s, 999_999)).toEqual({ ok: false, reason: 'not_found' });
	});
});

describe('notes consent withdrawal recorded by staff', () => {
	it('works for the responsible consultant and is audited as staff; a colleague or another office gets not_found', async () => {
		const { s, f, kim } = await setup();
		const scope = officeScope(f.officeId);
		expect(await recordNotesConsentWithdrawal(s, consultant(f, 'second'), scope, kim)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(
			await recordNotesConsentWithdrawal(s, lead(f.consultantId), officeScope(f.officeId + 1000), kim)
		).toEqual({ ok: false, reason: 'not_found' });
		expect((await notesOf(s, kim))[0]!.situation).toBe('Lage Kim');
		expect(await recordNotesConsentWithdrawal(s, consultant(f), scope, kim)).toEqual({
			ok: true,
			cases: 1,
			records: 2
		});
		expect((await notesOf(s, kim)).every((n) => n.situation === null && n.advice === null)).toBe(true);
		const [audit] = await withdrawalAudits(s);
		expect(audit).toMatchObject({ actor_kind: 'staff', data: { via: 'staff', cases: 1, records: 2 } });
		expect(await recordByConsultant(s, f, kim, { situation: 'neu' })).toEqual({
			ok: false,
			reason: 'no_consent'
		});
	});
});

describe('the withdrawal in the case timeline', () => {
	async function timelineOf(s: TestServices, caseId: number) {
		const c = await loadCase(s.db, caseId);
		return caseTimeline(s.db, caseId, { creativeEmail: c!.creativeEmail, officeId: c!.officeId });
	}

	function rendered(entries: TimelineEntry[], locale: Locale): string {
		const { body } = render(WithI18n, {
			props: {
				locale,
				children: ((anchor: unknown) =>
					(CaseTimeline as unknown as (a: unknown, p: unknown) => void)(anchor, { entries })) as never
			}
		});
		return body.replace(/<!--[^>]*-->/g, '');
	}

	it('shows "Einwilligung zu Notizen widerrufen am …" on every case of the person, in the portal or recorded by staff', async () => {
		const { s, f, kim, other } = await setup();
		expect(rendered(await timelineOf(s, kim), 'de')).not.toContain('widerrufen');
		await withdrawNotesConsentAsCreative(s, await creativeOf(s, kim));
		const entries = (await timelineOf(s, kim)).filter(
			(e) => e.kind === 'case_event' && e.event === 'notes_consent_withdrawn'
		);
		expect(entries).toEqual([
			{
				at: s.clock.now().getTime(),
				kind: 'case_event',
				event: 'notes_consent_withdrawn',
				actorKind: 'creative',
				data: { via: 'portal' }
			}
		]);
		const date = formatDate(s.clock.now(), 'de');
		expect(rendered(await timelineOf(s, kim), 'de')).toContain(
			`Einwilligung zu Notizen widerrufen am ${date} (im Portal); Inhaltsnotizen gelöscht`
		);
		expect(rendered(await timelineOf(s, kim), 'en')).toContain('Consent to notes withdrawn on');
		// Ole's case is another person's: nothing there.
		expect(rendered(await timelineOf(s, other), 'de')).not.toContain('widerrufen');

		const r = await recordNotesConsentWithdrawal(s, consultant(f), officeScope(f.officeId), other);
		expect(r.ok).toBe(true);
		expect(rendered(await timelineOf(s, other), 'de')).toContain(
			`Einwilligung zu Notizen widerrufen am ${date} (vom Regionalbüro erfasst)`
		);
	});
});
