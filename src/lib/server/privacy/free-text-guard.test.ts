import { describe, expect, it } from 'vitest';
import { testServices } from '../../../../tests/support/test-database';
import type { CaseActor } from '../cases/case-actor';
import * as migration from '../db/migrations/2026-12-05-01-free-text-guard';
import { createOffice, staffAuditActor } from '../reference/commands';
import { DEFAULT_SENSITIVE_KEYWORDS } from '../reference/sensitive-keyword-defaults';
import { checkFreeText, warningFor } from './free-text-guard';
import { addSensitiveKeyword, listSensitiveKeywords, removeSensitiveKeyword } from './sensitive-keywords';
import { officeCreateForm } from '../../../../tests/support/office-form-fixtures';
import { servicesClosedAfterEach } from '../../../../tests/support/services-per-test';
import { auditRowsOf } from '../../../../tests/support/audit-rows';

let s = servicesClosedAfterEach({ ignoreCloseErrors: true });

const officeId = async (key: string) =>
	Number((await s!.db.selectFrom('office').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
const lead = (id: number): CaseActor => ({ id, email: 'lead@example.org', role: 'office_lead' });

describe('warningFor (pure)', () => {
	it('names the fields and kinds, never the matched text', () => {
		const w = warningFor(
			{ concern: 'SV 12 150385 M 023, Konto DE89 3704 0044 0532 0130 00', other: 'Preise', empty: null },
			['Diagnose']
		);
		expect(w).toEqual({
			fields: { concern: ['social_insurance', 'iban'] },
			kinds: ['social_insurance', 'iban']
		});
		expect(JSON.stringify(w)).not.toMatch(/150385|3704/);
		expect(warningFor({ concern: 'Wie kalkuliere ich Preise?' }, ['Diagnose'])).toBeNull();
	});
});

describe('sensitive keywords per office (real database)', () => {
	it('every seeded office starts with the default list; the migration seeds offices that exist before it', async () => {
		s = await testServices();
		const offices = await s.db.selectFrom('office').select('id').execute();
		expect(offices.length).toBeGreaterThan(1);
		for (const o of offices) {
			const words = (await listSensitiveKeywords(s.db, Number(o.id))).map((k) => k.word);
			expect(words.sort()).toEqual([...DEFAULT_SENSITIVE_KEYWORDS].sort());
		}
		// Production databases had offices before this migration: down and up again seeds them.
		await migration.down(s.db);
		await migration.up(s.db);
		const rows = await s.db.selectFrom('sensitive_keyword').select(['office_id']).execute();
		expect(rows).toHaveLength(offices.length * DEFAULT_SENSITIVE_KEYWORDS.length);
	});

	it('a new office gets the defaults in its creating transaction', async () => {
		s = await testServices();
		const form = officeCreateForm();
		const r = await createOffice(s, staffAuditActor({ id: 1, email: 'admin@example.org' }), form);
		expect(r.ok).toBe(true);
		expect(await listSensitiveKeywords(s.db, await officeId('zentrale'))).toHaveLength(
			DEFAULT_SENSITIVE_KEYWORDS.length
		);
	});

	it('adding and removing a word changes detection for that office only, audited, leads only', async () => {
		s = await testServices();
		const nw = await officeId('nw');
		const by = await officeId('by');
		const text = { concern: 'Mein Glaube trägt mich.' };
		expect(await checkFreeText(s.db, nw, text)).toBeNull();

		const consultant: CaseActor = { id: 7, email: 'c@example.org', role: 'consultant' };
		expect(await addSensitiveKeyword(s, consultant, nw, 'Glaube')).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await addSensitiveKeyword(s, lead(8), nw, 'Glaube')).toEqual({ ok: true });
		expect(await addSensitiveKeyword(s, lead(8), nw, ' GLAUBE ')).toEqual({ ok: false, reason: 'duplicate' });
		expect(await addSensitiveKeyword(s, lead(8), nw, 'a')).toEqual({ ok: false, reason: 'invalid' });
		expect(await addSensitiveKeyword(s, lead(8), nw, 'Gla*ube')).toEqual({ ok: false, reason: 'invalid' });

		expect(await checkFreeText(s.db, nw, text)).toEqual({
			fields: { concern: ['health_keyword'] },
			kinds: ['health_keyword']
		});
		expect(await checkFreeText(s.db, by, text)).toBeNull();

		const diagnose = (await listSensitiveKeywords(s.db, nw)).find((k) => k.word === 'Diagnose')!;
		expect(await removeSensitiveKeyword(s, lead(8), by, diagnose.id)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await removeSensitiveKeyword(s, lead(8), nw, diagnose.id)).toEqual({ ok: true });
		expect(await checkFreeText(s.db, nw, { concern: 'Die Diagnose kam spät.' })).toBeNull();
		expect(await checkFreeText(s.db, by, { concern: 'Die Diagnose kam spät.' })).not.toBeNull();
		// Numbers warn whatever the list holds, also without an office.
		expect(await checkFreeText(s.db, null, { concern: '12 150385 M 023' })).not.toBeNull();

		const audit = await auditRowsOf(s.db, 'office.sensitive_keyword_%');
		expect(audit.map((a) => [a.action, Number(a.office_id)])).toEqual([
			['office.sensitive_keyword_added', nw],
			['office.sensitive_keyword_removed', nw]
		]);
	});
});
