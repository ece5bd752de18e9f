import { runRetention } from '../../lib/server/privacy/retention';
import { renderDeletionConcept } from '../../lib/server/privacy/retention-doc';
import { RETENTION_BATCH, RETENTION_TABLE, retentionPeriods } from '../../lib/server/privacy/retention-rules';
import { defineCommand } from '../command';
import { cliConfig, readyServices, withServices } from '../context';

/**
 * `kl retention [--dry-run]`: the same run the background job makes, now. A dry run counts what
 * would be deleted or anonymised per category and changes nothing; a real run writes one audit
 * row per batch (at most RETENTION_BATCH rows, one transaction) and prints progress every ten.
 */
export default defineCommand({
	name: 'retention',
	summary:
		'Löschfristen durchsetzen (--dry-run: nur zählen) / enforce the retention periods (--dry-run: count only)',
	options: {
		'dry-run': { type: 'boolean', description: 'count what would be deleted or anonymised, change nothing' },
		markdown: {
			type: 'boolean',
			description: 'print the Löschkonzept (docs/privacy/loeschkonzept.md) and stop'
		}
	},
	async run(args, io) {
		if (args.options.markdown === true) {
			io.out(renderDeletionConcept(retentionPeriods(cliConfig(io).retentionDays)));
			return 0;
		}
		const dryRun = args.options['dry-run'] === true;
		return withServices(await readyServices(io), async (s) => {
			const report = await runRetention(s, {
				dryRun,
				onBatch: (key, done) => {
					if (done % (10 * RETENTION_BATCH) === 0) io.out(`  … ${key}: ${done}`);
				}
			});
			io.out(dryRun ? 'Retention (dry run, nothing changed):' : 'Retention:');
			for (const line of report.lines) {
				const category = RETENTION_TABLE.find((c) => c.key === line.key)!;
				const verb = dryRun ? `would ${category.action}` : `${category.action}d`;
				io.out(
					`  ${line.key.padEnd(24)} ${String(line.days).padStart(5)} days  before ${new Date(line.cutoff).toISOString().slice(0, 10)}  ${verb}: ${line.count}`
				);
			}
			const total = report.lines.reduce((sum, l) => sum + l.count, 0);
			io.out(`Total: ${total}`);
			return 0;
		});
	}
});
