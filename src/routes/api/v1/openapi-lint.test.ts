import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedOpenApiDocument } from '$lib/server/http/openapi-document';
import { DEFAULT_API_DATA_LICENSE } from '$lib/server/platform/config';

/**
 * Issue 15: the generated document passes Redocly's `recommended` ruleset without a single error
 * or warning (beyond swagger-parser's schema validation in openapi.test.ts). Redocly runs offline:
 * no telemetry, no update check.
 */
function lint(doc: unknown): { totals: { errors: number; warnings: number }; problems: unknown[] } {
	const dir = mkdtempSync(join(tmpdir(), 'kl-redocly-'));
	try {
		const file = join(dir, 'openapi.json');
		writeFileSync(file, JSON.stringify(doc));
		const run = spawnSync(
			join('node_modules', '.bin', 'redocly'),
			['lint', '--extends=recommended', '--format=json', file],
			{
				encoding: 'utf8',
				env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
				timeout: 60_000
			}
		);
		expect(run.stdout, run.stderr).toContain('"totals"');
		return JSON.parse(run.stdout);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('redocly lint --extends=recommended', () => {
	it('finds no error and no warning in the served document', () => {
		const report = lint(servedOpenApiDocument(DEFAULT_API_DATA_LICENSE));
		expect(report.problems).toEqual([]);
		expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
	}, 60_000);

	it('does report a broken document (the check can fail)', () => {
		const doc = servedOpenApiDocument(DEFAULT_API_DATA_LICENSE);
		const broken = { ...doc, info: { ...doc.info, license: { url: 'https://x.example' } } };
		expect(lint(broken).totals.errors).toBeGreaterThan(0);
	}, 60_000);
});
