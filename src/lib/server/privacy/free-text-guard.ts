import type { Db, Tx } from '../db/transaction';
import { findSensitive, SENSITIVE_KINDS, type SensitiveKind } from './sensitive-text';

/**
 * Issue 13, part 5: the check a form runs on its free texts before anything is stored. It answers
 * which fields hold what kind of sensitive data — kinds only, never the matched text, so the
 * answer may travel into a form failure without repeating a number. `officeId` chooses the
 * keyword list (null: numbers only, e.g. before an office is known).
 */
export interface FreeTextWarning {
	/** Field name → the kinds found in it, in the order of SENSITIVE_KINDS. */
	fields: Record<string, SensitiveKind[]>;
	kinds: SensitiveKind[];
}

export async function keywordsOf(db: Db | Tx, officeId: number | null): Promise<string[]> {
	if (officeId == null) return [];
	const rows = await db
		.selectFrom('sensitive_keyword')
		.select('word')
		.where('office_id', '=', officeId)
		.execute();
	return rows.map((r) => r.word);
}

/** Pure: the warning for texts and a keyword list, or null when nothing was found. */
export function warningFor(
	texts: Record<string, string | null | undefined>,
	keywords: readonly string[]
): FreeTextWarning | null {
	const fields: Record<string, SensitiveKind[]> = {};
	for (const [field, text] of Object.entries(texts)) {
		if (!text) continue;
		const found = new Set(findSensitive(text, keywords).map((f) => f.kind));
		if (found.size > 0) fields[field] = SENSITIVE_KINDS.filter((k) => found.has(k));
	}
	const all = new Set(Object.values(fields).flat());
	if (all.size === 0) return null;
	return { fields, kinds: SENSITIVE_KINDS.filter((k) => all.has(k)) };
}

export async function checkFreeText(
	db: Db | Tx,
	officeId: number | null,
	texts: Record<string, string | null | undefined>
): Promise<FreeTextWarning | null> {
	return warningFor(texts, await keywordsOf(db, officeId));
}
