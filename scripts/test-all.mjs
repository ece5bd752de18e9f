// The whole test suite, as README and CI run it. Steps run one after another (two cores);
// the suite runs under an unusual time zone so code that forgets Europe/Berlin fails loudly.
//   node scripts/test-all.mjs          lint, structure, svelte-check, unit+integration, build, e2e (SQLite),
//                                      then the integration and e2e suites again on PostgreSQL
//   node scripts/test-all.mjs --pg     only the PostgreSQL part (expects TEST_DATABASE_URL, E2E_DATABASE_URL)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const TZ = process.env.TEST_TZ ?? 'Pacific/Chatham';
const pgOnly = process.argv.includes('--pg');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// The failed tests by name, printed last: CI shows only the end of a long log.
const failedTests = [];

function run(label, cmd, args, env = {}) {
	const started = Date.now();
	console.log(`\n=== ${label} ===`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ, ...env } });
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`=== ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${secs}s ===`);
	if (r.status !== 0) failures.push(label);
	return r.status === 0;
}

function countVitest(file, label) {
	if (!existsSync(file)) return;
	const j = JSON.parse(readFileSync(file, 'utf8'));
	for (const suite of j.testResults ?? []) {
		const where = suite.name?.replace(`${process.cwd()}/`, '') ?? '?';
		const failed = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
		for (const a of failed)
			failedTests.push(`${label}: ${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
		if (suite.status === 'failed' && failed.length === 0)
			failedTests.push(`${label}: ${where}: ${firstLine(suite.message)}`);
	}
	totals.passed += j.numPassedTests ?? 0;
	totals.failed += (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0);
	totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
	rmSync(file);
}

function countPlaywright(file, label) {
	if (!existsSync(file)) return;
	const j = JSON.parse(readFileSync(file, 'utf8'));
	const walk = (suite) => {
		for (const spec of suite.specs ?? [])
			if (!spec.ok) {
				const error = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.error)?.error?.message;
				failedTests.push(`${label}: ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
			}
		for (const child of suite.suites ?? []) walk(child);
	};
	for (const suite of j.suites ?? []) walk(suite);
	const s = j.stats ?? {};
	totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
	totals.failed += s.unexpected ?? 0;
	totals.skipped += s.skipped ?? 0;
	rmSync(file);
}

// Colour codes and the rest of the message stay in the log above; one line names the failure.
const firstLine = (text) =>
	stripVTControlCharacters(text ?? '')
		.split('\n')
		.find((l) => l.trim())
		?.trim()
		.slice(0, 300) ?? '';

function unit(label, env) {
	const out = join(tmpdir(), `kl-vitest-${process.pid}-${label.length}.json`);
	run(label, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
	countVitest(out, label);
}

function e2e(label, env) {
	const out = join(tmpdir(), `kl-playwright-${process.pid}-${label.length}.json`);
	run(label, 'npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: out,
		...env
	});
	countPlaywright(out, label);
}

const pgAvailable = () =>
	existsSync('/usr/lib/postgresql') &&
	readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

if (pgOnly) {
	if (!process.env.TEST_DATABASE_URL) {
		console.error('test-all --pg: TEST_DATABASE_URL is not set (run through scripts/with-pg.sh)');
		process.exit(1);
	}
	unit('unit + integration (PostgreSQL)', {});
	if (!existsSync('build/handler.js')) run('build', 'npm', ['run', 'build', '--silent']);
	e2e('end-to-end (PostgreSQL)', {});
} else {
	run('lint (biome)', 'npx', ['biome', 'check', 'src', 'tests', 'scripts', 'bench']);
	run('structure', 'node', ['scripts/check-structure.mjs']);
	run('long functions', 'node', ['scripts/long-functions.mjs', '--check']);
	run('svelte-check', 'npx', [
		'svelte-check',
		'--tsconfig',
		'./tsconfig.json',
		'--fail-on-warnings',
		'--threshold',
		'warning'
	]);
	// The benchmarks are code too: svelte-check reads src and tests only.
	run('bench types', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.bench.json']);
	unit('unit + integration (SQLite)', { TEST_DATABASE_URL: '' });
	// Time rules must not depend on the machine's zone: run them once more under UTC.
	run(
		'time rules under TZ=UTC',
		'npx',
		[
			'vitest',
			'run',
			'src/lib/server/booking/rules.test.ts',
			'src/lib/server/cases/rhythm-rules.test.ts',
			'src/lib/server/events/rules.test.ts',
			'src/lib/format'
		],
		{
			TZ: 'UTC',
			TEST_DATABASE_URL: ''
		}
	);
	run('build', 'npm', ['run', 'build', '--silent']);
	e2e('end-to-end (SQLite)', { E2E_DATABASE_URL: '' });
	// README's production path on a clean copy without dev dependencies (issue 11 part 3, issue 12).
	run('production install', 'bash', ['scripts/check-production.sh', '--fast']);
	run('operations files', 'bash', ['scripts/check-operations.sh']);
	run('SBOM (CycloneDX)', 'npm', ['run', 'sbom', '--silent']);
	if (pgAvailable()) {
		const r = spawnSync('bash', ['scripts/with-pg.sh', 'node', 'scripts/test-all.mjs', '--pg'], {
			stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
			env: { ...process.env, KL_TOTALS_FD: '3' }
		});
		const line = (r.output?.[3]?.toString() ?? '').trim();
		if (line) {
			const sub = JSON.parse(line);
			totals.passed += sub.passed;
			totals.failed += sub.failed;
			totals.skipped += sub.skipped;
			failures.push(...sub.failures);
			failedTests.push(...(sub.failedTests ?? []));
		}
		if (r.status !== 0 && !line) failures.push('PostgreSQL suite');
	} else if (process.env.KL_REQUIRE_PG === '1') {
		failures.push('PostgreSQL suite (no server binaries)');
	} else {
		console.log('\nPostgreSQL server binaries not found: PostgreSQL suite skipped (CI requires it).');
	}
}

if (process.env.KL_TOTALS_FD) {
	// Hand the counts to the parent run instead of printing a second closing line.
	const { writeSync } = await import('node:fs');
	writeSync(Number(process.env.KL_TOTALS_FD), JSON.stringify({ ...totals, failures, failedTests }) + '\n');
	process.exit(failures.length ? 1 : 0);
}

console.log('');
if (failedTests.length) console.log(`Failed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}`);
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
if (totals.passed === 0 && failures.length === 0) {
	console.log('No test ran.');
	process.exit(1);
}
console.log(
	`Kreativlotse: ${totals.passed} passed, ${totals.failed + (failures.length && !totals.failed ? failures.length : 0)} failed, ${totals.skipped} skipped`
);
process.exit(failures.length ? 1 : 0);
