import { addDays, berlinDate } from '../../time/berlin';
import type { OfficeScope } from '../access/scope';
import type { Db } from '../db/transaction';
import { followUpFrom, followUpSlots } from './follow-up';
import type { OfficeActor } from './settings';

/**
 * The staff follow-up page of one case (issue 4, item 5): two weeks of the case's consultant's
 * free slots from the day asked for (never before today), grouped by Berlin day, and the start
 * of the next two weeks. `noTalk`: nothing is offered until a talk took place (issue 16).
 * Null when the case is closed, not of this office, or not the actor's to see.
 */
export async function staffFollowUpWeeks(
	db: Db,
	actor: OfficeActor,
	scope: OfficeScope,
	officeId: number,
	caseId: number,
	asked: string | null,
	now: Date
) {
	const from = followUpFrom(asked, now);
	const offered = await followUpSlots(db, { kind: 'staff', actor, scope }, caseId, from, now);
	if (!offered || offered.case.officeId !== officeId) return null;
	const days = new Map<string, { start: number; end: number; format: string }[]>();
	for (const s of offered.slots) {
		const day = berlinDate(s.start);
		days.set(day, [...(days.get(day) ?? []), { start: s.start, end: s.end, format: s.format }]);
	}
	const c = offered.case;
	return {
		case: { id: c.id, name: c.name, consultantName: c.consultantName },
		noTalk: offered.noTalk,
		from,
		next: addDays(from, 14),
		days: [...days.entries()].map(([day, slots]) => ({ day, slots }))
	};
}
