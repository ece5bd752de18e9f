import { hasMessage, type MessageKey, type Translate } from './messages';

/**
 * Issue 16: an audit row as a sentence people can read ("Jana Petersen hat sich angemeldet."),
 * from the catalogue (catalogue/audit-sentences.ts). An action without a sentence still reads as
 * "<who>: <action>" instead of failing; audit-sentences.test.ts keeps that case from happening.
 */
export interface AuditRow {
	actorKind: string;
	actorLabel: string;
	actorName: string | null;
	action: string;
	subjectKind: string;
	subjectId: string | null;
}

export function auditActorName(
	t: Translate,
	row: Pick<AuditRow, 'actorKind' | 'actorLabel' | 'actorName'>
): string {
	if (row.actorKind === 'system') return t('audit.actor.systemName');
	if (row.actorKind === 'anonymous') return t('audit.actor.anonymousName');
	if (row.actorKind === 'creative') return t('audit.actor.creativeName');
	return row.actorName || row.actorLabel;
}

export function auditSentence(t: Translate, row: AuditRow): string {
	const actor = auditActorName(t, row);
	const key = `audit.action.${row.action}`;
	return hasMessage(key)
		? t(key as MessageKey, { actor })
		: t('audit.action.unknown', { actor, action: row.action });
}

export function auditSubject(t: Translate, row: Pick<AuditRow, 'subjectKind' | 'subjectId'>): string {
	const key = `audit.subjectKind.${row.subjectKind}`;
	const id = row.subjectId ?? '';
	const text = hasMessage(key)
		? t(key as MessageKey, { id })
		: t('audit.subjectKind.unknown', { kind: row.subjectKind, id });
	return text.trim();
}
