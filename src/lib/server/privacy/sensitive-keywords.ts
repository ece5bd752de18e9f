import { recordOfficeAudit } from '../audit/index';
import { auditActorOf, type CaseActor } from '../cases/index';
import { type Db, type Tx, transact } from '../db/transaction';
import type { RequestContext } from '../identity/index';
import { foldGerman } from '../platform/fold-german';
import type { Services } from '../runtime';

/**
 * Issue 13, part 5: each office keeps its own list of Art. 9 words (health, religion, …) that
 * make a free text warn before it is stored. New offices start with the defaults
 * (reference/sensitive-keyword-defaults.ts); office leads and network admins add and remove
 * words, each change audited with the word (a word is no personal data).
 */
export interface SensitiveKeyword {
	id: number;
	word: string;
}

export const KEYWORD_MAX = 60;

/** The office's words; the list, the duplicate check and the removal each narrow it further. */
function officeKeywords(db: Db | Tx, officeId: number) {
	return db
		.selectFrom('sensitive_keyword')
		.select(['id', 'word', 'folded'])
		.where('office_id', '=', officeId);
}

export async function listSensitiveKeywords(db: Db | Tx, officeId: number): Promise<SensitiveKeyword[]> {
	const rows = await officeKeywords(db, officeId).orderBy('folded').execute();
	return rows.map((r) => ({ id: Number(r.id), word: r.word }));
}

/** A word as the list stores it: trimmed, single spaces, letters (with `-`, `'`, space) and an optional `*` at the end. */
export function readKeyword(input: string): string | null {
	const word = input.trim().replace(/\s+/g, ' ');
	if (word.length < 2 || word.length > KEYWORD_MAX) return null;
	if (!/^[\p{L}\p{N}][\p{L}\p{N}' -]*\*?$/u.test(word)) return null;
	return word;
}

export type KeywordResult =
	| { ok: true }
	| { ok: false; reason: 'forbidden' | 'invalid' | 'duplicate' | 'not_found' };

export async function addSensitiveKeyword(
	services: Services,
	actor: CaseActor,
	officeId: number,
	input: string,
	ctx: RequestContext = {}
): Promise<KeywordResult> {
	if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
	const word = readKeyword(input);
	if (!word) return { ok: false, reason: 'invalid' };
	const folded = foldGerman(word).trim();
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const taken = await officeKeywords(trx, officeId).where('folded', '=', folded).executeTakeFirst();
		if (taken) return { ok: false, reason: 'duplicate' } as const;
		await trx
			.insertInto('sensitive_keyword')
			.values({ office_id: officeId, word, folded, created_at: now.getTime() })
			.execute();
		const change = { action: 'office.sensitive_keyword_added', data: { word } };
		await recordOfficeAudit(trx, auditActorOf(actor), officeId, change, { now, requestId: ctx.requestId });
		return { ok: true } as const;
	});
}

export async function removeSensitiveKeyword(
	services: Services,
	actor: CaseActor,
	officeId: number,
	keywordId: number,
	ctx: RequestContext = {}
): Promise<KeywordResult> {
	if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
	const now = services.clock.now();
	return transact(services.db, async (trx) => {
		const row = await officeKeywords(trx, officeId).where('id', '=', keywordId).executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' } as const;
		await trx.deleteFrom('sensitive_keyword').where('id', '=', row.id).execute();
		const change = { action: 'office.sensitive_keyword_removed', data: { word: row.word } };
		await recordOfficeAudit(trx, auditActorOf(actor), officeId, change, { now, requestId: ctx.requestId });
		return { ok: true } as const;
	});
}
