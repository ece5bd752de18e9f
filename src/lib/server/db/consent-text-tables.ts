import type { Db, Tx } from './transaction';

/**
 * The two tables of versioned consent texts: booking's (consent_text) and visibility's
 * (visibility_consent_text, its own table because consent_text.kind is constrained to the
 * booking kinds). A new wording is a new version row, never an edit, so what someone agreed to
 * can always be shown again; version 1 of each kind is written in code and seeded from there.
 */
type ConsentTable = 'consent_text' | 'visibility_consent_text';
type Wording = { de: string; en: string };
export type VersionedText<K extends string> = { kind: K; version: number } & Wording;

/** The newest version of each kind; a kind without a row is version 1 as in `first`. */
export async function newestConsentTexts<K extends string>(
	db: Db | Tx,
	table: ConsentTable,
	first: Record<K, Wording>
): Promise<Record<K, VersionedText<K>>> {
	const rows = await (db as Db)
		.selectFrom(table as 'consent_text')
		.select(['kind', 'version', 'text_de', 'text_en'])
		.orderBy('version', 'desc')
		.execute();
	const out = {} as Record<K, VersionedText<K>>;
	for (const kind of Object.keys(first) as K[]) {
		const row = rows.find((r) => (r.kind as string) === kind);
		out[kind] = row
			? { kind, version: Number(row.version), de: row.text_de, en: row.text_en }
			: { kind, version: 1, ...first[kind] };
	}
	return out;
}

/**
 * Seeds version 1 of every kind that has no text yet. Idempotent and safe in parallel (the
 * (kind, version) pair is unique), so commands can call it in their transaction.
 */
export async function seedConsentTexts<K extends string>(
	db: Db | Tx,
	table: ConsentTable,
	first: Record<K, Wording>,
	now: Date
): Promise<void> {
	const present = new Set<string>(
		(
			await (db as Db)
				.selectFrom(table as 'consent_text')
				.select('kind')
				.distinct()
				.execute()
		).map((r) => r.kind)
	);
	for (const kind of Object.keys(first) as K[]) {
		if (present.has(kind)) continue;
		await (db as Db)
			.insertInto(table as 'consent_text')
			.values({
				kind: kind as never,
				version: 1,
				text_de: first[kind].de,
				text_en: first[kind].en,
				created_at: now.getTime()
			})
			.onConflict((oc) => oc.columns(['kind', 'version']).doNothing())
			.execute();
	}
}
