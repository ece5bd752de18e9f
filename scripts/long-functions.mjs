// Issue 17: lists the functions of src/ longer than a limit (default 80 lines), longest first, with
// a count at the end. Tests and generated data (*.data.ts) are left out. A nested callback (a
// transaction's body) counts on its own, as it reads on its own. `node scripts/long-functions.mjs [limit]`
// `--check`: a gate (CI's structure step) that fails on any such function, migrations included: a
// landed migration may be split into steps, as db/migrations-frozen.test.ts proves it still runs
// exactly the statements it ran when it landed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const check = process.argv.includes('--check');
const limit = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 80);

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return files(p);
		return /\.ts$/.test(name) && !/\.(test|data|d)\.ts$/.test(name) ? [p] : [];
	});
}

function nameOf(node) {
	if (node.name) return node.name.getText();
	const parent = node.parent;
	if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
	return '(callback)';
}

const long = [];
for (const file of files('src')) {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const visit = (node) => {
		if (
			ts.isFunctionDeclaration(node) ||
			ts.isFunctionExpression(node) ||
			ts.isArrowFunction(node) ||
			ts.isMethodDeclaration(node)
		) {
			const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
			const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			if (end - start + 1 > limit)
				long.push({ lines: end - start + 1, where: `${file}:${start + 1}`, name: nameOf(node) });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
}
long.sort((a, b) => b.lines - a.lines);
for (const f of long) console.log(`${String(f.lines).padStart(4)}  ${f.where}  ${f.name}`);
console.log(`${long.length} functions over ${limit} lines`);
if (check) {
	if (long.length > 0) {
		console.error(`long functions: ${long.length}; split them along their steps`);
		process.exit(1);
	}
}
