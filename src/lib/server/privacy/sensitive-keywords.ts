import { recordOfficeAudit } from '../audit/index';
import { auditActorOf, type CaseActor } from '../cases/index';
import { type Db, type Tx, transactNow } from '../db/transaction';
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

/** Both list edits are called alike: who edits which office's list with what (a word, or a listed word's id). */
type KeywordCommand<I> = (
	services: Services,
	actor: CaseActor,
	officeId: number,
	input: I,
	ctx?: RequestContext
) => Promise<KeywordResult>;

/**
 * The shape of both list edits: consultants may not, the change runs in one transaction and
 * answers a refusal or the word it added or removed, which the audit row names.
 */
function keywordCommand<I>(
	action: string,
	change: (trx: Tx, officeId: number, input: I, now: Date) => Promise<KeywordResult | { word: string }>
): KeywordCommand<I> {
	return async (services, actor, officeId, input, ctx = {}) => {
		if (actor.role === 'consultant') return { ok: false, reason: 'forbidden' };
		return transactNow(services, async (trx, now) => {
			const done = await change(trx, officeId, input, now);
			if (!('word' in done)) return done;
			const entry = { action, data: { word: done.word } };
			await recordOfficeAudit(trx, auditActorOf(actor), officeId, entry, { now, requestId: ctx.requestId });
			return { ok: true } as const;
		});
	};
}

export const addSensitiveKeyword = keywordCommand<string>(
	'office.sensitive_keyword_added',
	async (trx, officeId, input, now) => {
		const word = readKeyword(input);
		if (!word) return { ok: false, reason: 'invalid' };
		const folded = foldGerman(word).trim();
		const taken = await officeKeywords(trx, officeId).where('folded', '=', folded).executeTakeFirst();
		if (taken) return { ok: false, reason: 'duplicate' };
		await trx
			.insertInto('sensitive_keyword')
			.values({ office_id: officeId, word, folded, created_at: now.getTime() })
			.execute();
		return { word };
	}
);

export const removeSensitiveKeyword = keywordCommand<number>(
	'office.sensitive_keyword_removed',
	async (trx, officeId, keywordId) => {
		const row = await officeKeywords(trx, officeId).where('id', '=', keywordId).executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' };
		await trx.deleteFrom('sensitive_keyword').where('id', '=', row.id).execute();
		return { word: row.word };
	}
);
