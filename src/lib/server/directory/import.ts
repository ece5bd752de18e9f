import type { AuditActor } from '../audit/index';
import type { CommandContext, CommandServices } from './commands';
import { type CsvProblem, type CsvSkipped, importContactPointsCsv } from './csv-import';
import { importHsds } from './hsds';

/** What an import (or its preview) did, whichever format the text was in. */
export interface ImportSummary {
	format: 'hsds' | 'csv';
	/** Written: not a preview, and not refused. */
	done: boolean;
	created: number;
	updated: number;
	/** The CSV import names its keys; HSDS only counts. */
	createdKeys: string[];
	updatedKeys: string[];
	skipped: CsvSkipped[];
	/** Why HSDS refused the whole import (the first 100 reasons). */
	refused: string[];
}

/** The text could not be read as either format: problems as catalogue keys, like the CSV's own. */
export type ContactPointImport = { ok: true; summary: ImportSummary } | { ok: false; problems: CsvProblem[] };

/**
 * A network admin's import of contact points from one text: HSDS 3 JSON when it starts like
 * JSON (an object or a list, after a byte order mark), else the CSV format of contact_points.csv.
 * `dryRun` checks and counts without writing (the preview). An HSDS file the vocabulary refuses
 * is answered as a summary that lists why; a CSV that cannot be read at all is a problem.
 */
export async function importContactPoints(
	services: CommandServices,
	actor: AuditActor,
	text: string,
	ctx: CommandContext = {},
	options: { dryRun: boolean }
): Promise<ContactPointImport> {
	const { dryRun } = options;
	if (text.trim() === '') return { ok: false, problems: [{ message: 'directoryImport.error.file' }] };
	const trimmed = text.replace(/^\uFEFF/, '').trimStart();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		let body: unknown;
		try {
			body = JSON.parse(trimmed);
		} catch {
			return { ok: false, problems: [{ message: 'directoryImport.error.json' }] };
		}
		const r = await importHsds(services, actor, body, ctx, { dryRun });
		return {
			ok: true,
			summary: {
				format: 'hsds',
				done: !dryRun && r.ok,
				created: r.ok ? r.created : 0,
				updated: r.ok ? r.updated : 0,
				createdKeys: [],
				updatedKeys: [],
				skipped: [],
				refused: r.ok ? [] : r.errors.slice(0, 100)
			}
		};
	}
	const r = await importContactPointsCsv(services, actor, text, ctx, { dryRun });
	if (!r.ok) return r;
	const { created, updated, skipped } = r.plan;
	return {
		ok: true,
		summary: {
			format: 'csv',
			done: !dryRun,
			created: created.length,
			updated: updated.length,
			createdKeys: created,
			updatedKeys: updated,
			skipped,
			refused: []
		}
	};
}
