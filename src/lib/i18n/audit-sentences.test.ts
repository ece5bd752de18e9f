import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Actions as literals: `action: 'x.y'` (also both arms of a ternary) and `auditCase(…, 'x.y', …)`. */
function literalActions(source: string): string[] {
	const found: string[] = [];
	for (const m of source.matchAll(
		/action:\s*((?:[^,\n]*?\?\s*)?'[a-z_]+\.[a-z_.]+'(?:\s*:\s*'[a-z_]+\.[a-z_.]+')?)/g
	))
		for (const k of m[1]!.matchAll(KEY)) found.push(k[1]!);
	for (const m of source.matchAll(/action:\s*\n\s*([^\n]+)/g))
		for (const k of m[1]!.matchAll(KEY)) found.push(k[1]!);
	for (const m of source.matchAll(/auditCase\(\s*[^;]*?'([a-z_]+\.[a-z_.]+)'/gs)) found.push(m[1]!);
	return found;
}

/**
 * Actions built from a template literal, spelled out (the source names the values):
 * visibility/introductions.ts `introduction.${status}` and `introduction.${input.action}`,
 * events/register.ts `event.registration.${name}`, events/jobs.ts `event.registration.${kind}_sent`.
 */
const TEMPLATED = [
	'introduction.accepted',
	'introduction.declined',
	'introduction.forward',
	'introduction.decline_interest',
	'introduction.withdraw',
	'introduction.outcome_recorded',
	'event.registration.confirmed',
	'event.registration.offer_accepted',
	'event.registration.offer_declined',
	'event.registration.cancelled',
	'event.registration.reconfirmed',
	'event.registration.feedback',
	'event.registration.reminder_sent',
	'event.registration.reconfirm_sent'
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
