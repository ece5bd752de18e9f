// Keeps the structure honest (ARCHITECTURE.md "Invariants"); fails CI on a violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = 'src/lib/server';
const problems = [];

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p) : /\.(ts|js)$/.test(name) ? [p] : [];
	});
}

const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const domainOf = (file) => relative(root, file).split(sep)[0];
const graph = new Map();
// Lower layers: every domain may import their files directly.
const lower = ['db', 'platform', 'access'];

for (const file of files(root)) {
	const text = readFileSync(file, 'utf8');
	const domain = domainOf(file);
	const isTest = /\.test\.ts$/.test(file);
	for (const m of text.matchAll(importRe)) {
		const spec = m[1] ?? m[2];
		if (domain !== 'http' && !isTest && /^(@sveltejs\/kit|\$app\/|\$env\/)/.test(spec)) {
			problems.push(`${file}: a domain module imports ${spec} (only lib/server/http may)`);
		}
		if (!isTest && spec.startsWith('$lib')) {
			problems.push(`${file}: server code imports ${spec}; use a relative import so the CLI can load it`);
		}
		if (spec.startsWith('.')) {
			const target = resolve(dirname(file), spec);
			const rel = relative(resolve(root), target);
			if (rel.startsWith('..')) continue;
			const to = rel.split(sep)[0];
			if (to !== domain && !isTest && statSync(resolve(root, to), { throwIfNoEntry: false })?.isDirectory()) {
				if (!graph.has(domain)) graph.set(domain, new Set());
				graph.get(domain).add(to);
				// A product domain's index.ts is what other domains may use (http is refused below anyway).
				const entry = /^[^/]+\/index(\.[jt]s)?$/.test(rel.split(sep).join('/'));
				if (!lower.includes(to) && to !== 'http' && !entry)
					problems.push(`${file}: imports ${spec}; other domains enter ${to} through ${to}/index`);
			}
		}
	}
	// demo/acting-staff.ts: the demo generator acts as demo staff outside a request (scopes from their memberships).
	if (
		/mintScope/.test(text) &&
		!/(http\/gate\.ts|access\/scope\.ts|demo\/acting-staff\.ts)$/.test(file) &&
		!isTest
	) {
		problems.push(
			`${file}: uses mintScope; only http/gate.ts (and the demo generator) may mint an OfficeScope`
		);
	}
	if (/rules\.ts$/.test(file) && /Date\.now\(\)|new Date\(\)/.test(text)) {
		problems.push(`${file}: a rules file reads the clock; take \`now\` as an argument`);
	}
	if (!isTest) problems.push(...vocabularyProblems(file, text));
}

/**
 * The file vocabulary (ARCHITECTURE.md "File vocabulary"): a file's name promises what it may do.
 * Rules and input schemas are pure; queries read (marking read and auditing the read are part of
 * reading); commands that write record their audit row (recordAudit, or the domain's audit… helper).
 */
function vocabularyProblems(file, text) {
	const name = file.split(sep).pop();
	const out = [];
	// A type from the database schema is a word, not access: only value imports count.
	const dbValueImport = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].some(
		(m) => m[1] === 'kysely' || /(^|\/)db\/(?!schema$)/.test(m[1])
	);
	const pure = /(^|-)rules\.ts$/.test(name) || (/(^|-)schema\.ts$/.test(name) && domainOf(file) !== 'db');
	if (pure && (dbValueImport || /\btransact\(|\btrx\b/.test(text)))
		out.push(
			`${file}: a ${name.endsWith('rules.ts') ? 'rules' : 'schema'} file touches the database; it is pure (take the rows as arguments)`
		);
	if (/(^|-)queries\.ts$/.test(name)) {
		if (/\.(insertInto|deleteFrom)\(/.test(text))
			out.push(`${file}: a queries file inserts or deletes; writes belong in a command`);
		for (const m of text.matchAll(/\.updateTable\([^)]*\)\s*\.set\(\{([^}]*)\}/g))
			if (!/^\s*read_at:/.test(m[1]) || m[1].includes(','))
				out.push(`${file}: a queries file updates more than a read marker (${m[1].trim()})`);
	}
	if (name === 'index.ts' && /^export\s+(type\s+)?\*/m.test(text))
		out.push(`${file}: a domain's index uses export *; name what it offers (export { … } from './x')`);
	if (
		/(^|-)commands\.ts$/.test(name) &&
		/\.(insertInto|updateTable|deleteFrom)\(/.test(text) &&
		!/\b(recordAudit|audit[A-Z]\w*)\(/.test(text)
	)
		out.push(`${file}: a commands file writes without recordAudit in the same file`);
	return out;
}

// Issue 17: test fixtures (builders of staff, cases, bookings, API data) live in tests/support,
// not beside the code, anywhere under src/ (routes included).
const everyFile = (dir) =>
	readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? everyFile(p) : [p];
	});
// A file that is not a test but imports tests/support is a fixture too, whatever its name.
for (const file of everyFile('src')) {
	if (/fixtures?\.ts$/.test(file))
		problems.push(`${file}: a test fixture in production code; move it to tests/support`);
	else if (
		/\.(ts|svelte)$/.test(file) &&
		!/\.test\.ts$/.test(file) &&
		/tests\/support\//.test(readFileSync(file, 'utf8'))
	)
		problems.push(`${file}: imports tests/support but is no test; move it to tests/support`);
}

// Lower layers never reach up: db, platform and access import no domain.
for (const low of lower) {
	for (const to of graph.get(low) ?? []) {
		if (!lower.includes(to))
			problems.push(`lib/server/${low} imports lib/server/${to} (lower layers import no domain)`);
	}
}
// http is the bridge from routes to domains; no domain reaches back into it.
for (const [from, tos] of graph) {
	if (from !== 'http' && tos.has('http'))
		problems.push(`lib/server/${from} imports lib/server/http (only routes use the bridge)`);
}

// No cycles between domains.
const seen = new Set();
const stack = [];
function visit(node) {
	if (stack.includes(node)) {
		problems.push(
			`import cycle between domains: ${[...stack.slice(stack.indexOf(node)), node].join(' -> ')}`
		);
		return;
	}
	if (seen.has(node)) return;
	stack.push(node);
	for (const next of graph.get(node) ?? []) visit(next);
	stack.pop();
	seen.add(node);
}
for (const node of graph.keys()) visit(node);

// Routes are glue (issue 17): parse, one domain call, answer. A page's server file that grows past
// 60 lines is holding a rule or a query that belongs in its domain.
const ROUTE_LINES = 60;
for (const file of files('src/routes')) {
	if (!/[\\/]\+page\.server\.ts$/.test(file)) continue;
	const lines = readFileSync(file, 'utf8').split('\n').length - 1;
	if (lines > ROUTE_LINES)
		problems.push(
			`${file}: ${lines} lines; a route is glue (≤ ${ROUTE_LINES}), move its rules and queries into the domain`
		);
}

if (problems.length) {
	console.error(problems.join('\n'));
	console.error(`structure: ${problems.length} problem(s)`);
	process.exit(1);
}
console.log(
	`structure: ok (${graph.size} domains, no forbidden imports, no cycles, no route over ${ROUTE_LINES} lines)`
);
