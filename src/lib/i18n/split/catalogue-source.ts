import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The catalogue files (src/lib/i18n/catalogue/*.ts) read as source text, message by message, for the
 * client build's split (plugin.ts). Messages may be functions that close over helpers of their file
 * (plural forms, `minutesDe`), so each message is kept as its source expression, and the file's helper
 * declarations travel with it; a message is never evaluated at build time.
 */
export interface CatalogueFile {
	/** Names the file imports from ./define (catalogue, plural). */
	defineImports: string[];
	/** The file's own helper declarations (functions, arrow consts, types), in order. */
	prelude: string;
	de: Map<string, string>;
	en: Map<string, string>;
}

function unwrap(node: ts.Expression): ts.Expression {
	let expr = node;
	while (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isParenthesizedExpression(expr)) {
		expr = expr.expression;
	}
	return expr;
}

function objectEntries(
	node: ts.Expression,
	source: ts.SourceFile,
	objects: Map<string, ts.ObjectLiteralExpression>,
	into: Map<string, string>
): void {
	let expr = unwrap(node);
	if (ts.isIdentifier(expr)) {
		const target = objects.get(expr.text);
		if (!target) throw new Error(`catalogue split: ${source.fileName} spreads unknown ${expr.text}`);
		expr = target;
	}
	if (!ts.isObjectLiteralExpression(expr)) {
		throw new Error(`catalogue split: ${source.fileName}: catalogue() takes object literals`);
	}
	for (const prop of expr.properties) {
		if (ts.isSpreadAssignment(prop)) {
			objectEntries(prop.expression, source, objects, into);
		} else if (
			ts.isPropertyAssignment(prop) &&
			(ts.isStringLiteral(prop.name) || ts.isIdentifier(prop.name))
		) {
			into.set(prop.name.text, prop.initializer.getText(source));
		} else {
			throw new Error(`catalogue split: ${source.fileName}: unsupported entry ${prop.getText(source)}`);
		}
	}
}

export function readCatalogueFile(path: string): CatalogueFile {
	const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
	const objects = new Map<string, ts.ObjectLiteralExpression>();
	const prelude: string[] = [];
	const defineImports: string[] = [];
	let call: ts.CallExpression | undefined;
	for (const statement of source.statements) {
		if (ts.isImportDeclaration(statement)) {
			const bindings = statement.importClause?.namedBindings;
			if (bindings && ts.isNamedImports(bindings))
				for (const el of bindings.elements) defineImports.push(el.name.text);
		} else if (ts.isExportAssignment(statement) && ts.isCallExpression(statement.expression)) {
			call = statement.expression;
		} else if (ts.isVariableStatement(statement)) {
			const [decl] = statement.declarationList.declarations;
			// Plain text tables (spread into the catalogue) are read as entries, not carried along.
			const init = decl?.initializer && unwrap(decl.initializer);
			if (init && ts.isObjectLiteralExpression(init) && decl && ts.isIdentifier(decl.name)) {
				objects.set(decl.name.text, init);
			} else prelude.push(statement.getText(source));
		} else prelude.push(statement.getText(source));
	}
	const [deArg, enArg] = call?.arguments ?? [];
	if (!deArg || !enArg) throw new Error(`catalogue split: ${path} has no catalogue(de, en) export`);
	const de = new Map<string, string>();
	const en = new Map<string, string>();
	objectEntries(deArg, source, objects, de);
	objectEntries(enArg, source, objects, en);
	return {
		defineImports: defineImports.filter((n) => n !== 'catalogue'),
		prelude: prelude.join('\n'),
		de,
		en
	};
}
