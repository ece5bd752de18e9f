import { addDays, berlinDate, berlinInstant, berlinTime, isoWeekday } from '../../time/berlin';
import { MINUTE } from '../../time/durations';
import { addOverride, listSlots } from '../booking/index';
import { bookFirstConsultation } from './consultations';
import { at, count, type Simulation } from './simulation';

/**
 * Today's appointments, so a newcomer can record one at once: a few days ahead every
 * consultant adds extra hours for today around the real time of seeding (one appointment
 * started about an hour before, one just now, later ones ahead), and people book them.
 */
export function bookTodayOn(today: string): string {
	let day = addDays(today, -3);
	while (isoWeekday(day) > 5) day = addDays(day, -1);
	return day;
}

export async function bookToday(sim: Simulation): Promise<void> {
	const day = bookTodayOn(sim.today);
	at(sim, day, '10:00');
	const quarter = 15 * MINUTE;
	// Late in the evening the window up to 23:45 would hold a single slot; it then begins at 20:45
	// instead, so a newcomer still finds several of today's appointments to record (all begun).
	const start = Math.min(
		Math.floor(sim.realNow / quarter) * quarter - 75 * MINUTE,
		berlinInstant(sim.today, '20:45')
	);
	const from = berlinDate(start) === sim.today ? berlinTime(start) : '00:00';
	const end =
		berlinDate(start + 6 * 60 * MINUTE) === sim.today ? berlinTime(start + 6 * 60 * MINUTE) : '23:45';
	for (const office of sim.offices) {
		for (const staff of office.staff) {
			const r = await addOverride(sim.services, staff, office.id, {
				consultantId: staff.id,
				date: sim.today,
				kind: 'extra',
				format: 'office',
				startTime: from,
				endTime: end
			});
			if (!r.ok) continue;
			const slots = (
				await listSlots(
					sim.db,
					{ officeId: office.id, from: sim.today, to: sim.today, consultantId: staff.id },
					sim.clock.now()
				)
			).filter((s) => s.start >= start && s.sprechtagId == null);
			for (const slot of slots.slice(0, 3)) {
				if ((await bookFirstConsultation(sim, office, day, slot)) != null) count(sim, "today's appointments");
			}
		}
	}
}
