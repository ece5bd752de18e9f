import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRATION_AUDIT_ACTIONS } from '../server/events/index';
import { auditSentence, auditSubject } from './audit-sentence';
import { hasMessage, translator } from './messages';

/** Issue 16: every audit action written by the code has a sentence in German and English. */
function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
	});
}

const KEY = /'([a-z_]+\.[a-z_.]+)'/g;
/** A one-letter prefix is a table alias in a query (`'o.id'`), never an action. */
const isAction = (key: string) => !/^[a-z]\./.test(key);

/**
 * Actions as literals: `action: 'x.y'` and `const action = 'x.y'` (also both arms of a ternary), and
 * every literal up to the first `;` of a call to a domain's audit writer (`auditBooking(…, 'x.y', …)`,
 * `recordOfficeAudit`, …) or of a command built around its action (`keywordCommand('x.y', …)`).
 */
function literalActions(source: string): string[] {
	const found: string[] = [];
	for (const m of source.matchAll(
		/action\s*[:=]\s*((?:[^,\n]*?\?\s*)?'[a-z_]+\.[a-z_.]+'(?:\s*:\s*'[a-z_]+\.[a-z_.]+')?)/g
	))
		for (const k of m[1]!.matchAll(KEY)) found.push(k[1]!);
	for (const m of source.matchAll(/action:\s*\n\s*([^\n]+)/g))
		for (const k of m[1]!.matchAll(KEY)) found.push(k[1]!);
	for (const m of source.matchAll(/\b\w*(?:audit|Audit|Command)\w*(?:<[^>()]*>)?\(([^;]*)/g))
		for (const k of m[1]!.matchAll(KEY)) found.push(k[1]!);
	return found.filter(isAction);
}

/**
 * Actions built from a template literal, spelled out (the source names the values):
 * visibility/introductions.ts `introduction.${status}` and `introduction.${input.action}`; a
 * registration's steps come from events' own checked list.
 */
const TEMPLATED = [
	'introduction.accepted',
	'introduction.declined',
	'introduction.forward',
	'introduction.decline_interest',
	'introduction.withdraw',
	'introduction.outcome_recorded',
	...REGISTRATION_AUDIT_ACTIONS
];

describe('audit log sentences', () => {
	const sources = [...tsFiles('src/lib/server'), ...tsFiles('src/routes')].map((f) =>
		readFileSync(f, 'utf8')
	);
	const actions = [...new Set([...sources.flatMap(literalActions), ...TEMPLATED])]
		.filter((a) => !a.startsWith('audit.'))
		.sort();

	it('finds the actions in the code', () => {
		expect(actions.length).toBeGreaterThan(100);
		expect(actions).toEqual(expect.arrayContaining(['auth.login', 'case.closed', 'booking.cancelled']));
	});

	it('has a sentence for every action', () => {
		expect(actions.filter((a) => !hasMessage(`audit.action.${a}`))).toEqual([]);
	});

	it('reads as a sentence with the person’s name', () => {
		const de = translator('de');
		const row = {
			actorKind: 'staff',
			actorLabel: 'jana.petersen@demo.kreativlotse.de',
			actorName: 'Jana Petersen',
			action: 'auth.login',
			subjectKind: 'staff_user',
			subjectId: '7'
		};
		expect(auditSentence(de, row)).toBe('Jana Petersen hat sich angemeldet.');
		expect(auditSubject(de, row)).toBe('Benutzerkonto 7');
		expect(auditSentence(translator('en'), row)).toBe('Jana Petersen signed in.');
		expect(auditSentence(de, { ...row, actorKind: 'system', actorName: null, action: 'case.closed' })).toBe(
			'Das System hat eine Begleitung abgeschlossen.'
		);
		expect(auditSentence(de, { ...row, action: 'something.new' })).toBe('Jana Petersen: something.new');
	});
});
