import {
	legalBasisCitation,
	RETENTION_BATCH,
	RETENTION_TABLE,
	type RetentionPeriods,
	retentionPeriods
} from './retention-rules';

/**
 * The Löschkonzept as Markdown, rendered from the retention table itself: docs/privacy/
 * loeschkonzept.md is this text (a test compares them), so the document cannot drift from what
 * the retention run does. Regenerate with `npm run kl -- retention --markdown`.
 */
export function renderDeletionConcept(periods: RetentionPeriods = retentionPeriods()): string {
	const rows = RETENTION_TABLE.map(
		(c) =>
			`| \`${c.key}\` | ${periods[c.key]} days from ${c.from} | ${c.action} | ${c.tables.map((t) => `\`${t}\``).join(', ')} | ${c.bases.map(legalBasisCitation).join(', ')}${c.basisNote ? `; ${c.basisNote}` : ''} | ${c.how} |`
	);
	return [
		'# Löschkonzept (deletion concept)',
		'',
		'Generated from `src/lib/server/privacy/retention-rules.ts` by `npm run kl -- retention --markdown`;',
		'a test fails when this file and the table differ. Periods are the defaults; an operator may change',
		'one with `RETENTION_DAYS` (for example `RETENTION_DAYS=mails=60`). The retention run enforces every',
		'row: hourly on one instance (lease `retention` in `job_lease`), or now with `npm run kl -- retention`',
		`(\`--dry-run\` counts only). It works in batches of at most ${RETENTION_BATCH} rows, each one transaction with one`,
		'`retention.applied` audit row carrying its count, so requests are answered between two batches.',
		'Anonymous statistics facts (`stat_consultation`, `stat_consultation_month`) are never touched.',
		'',
		'| Category | Period | Action | Tables | Legal basis | How |',
		'|---|---|---|---|---|---|',
		...rows,
		'',
		'Immediate deletion outside these periods: "Konto löschen" in the portal (privacy/erase.ts) and the',
		"office lead's erasure of a decision maker (visibility/privacy.ts). Backups: see README, Backup and restore.",
		''
	].join('\n');
}
