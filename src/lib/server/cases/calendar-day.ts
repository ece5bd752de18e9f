import { OFFICE_TIME_ZONE } from '../platform/clock';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: OFFICE_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The Berlin calendar day of an instant, 'YYYY-MM-DD' (next steps are due on Berlin days). */
export function officeDay(instant: number | Date): string {
	return dayFormat.format(instant);
}
