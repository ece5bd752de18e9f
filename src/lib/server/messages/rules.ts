import { addDays, berlinDate, isoWeekday } from '../../time/berlin';
import { DAY } from '../../time/durations';

/**
 * Issue 18, pure decisions: what an attachment really is (by its first bytes, never by its
 * name or the browser's declared type), when an answer is due in the office's working days,
 * which reminder a creative's step gets today, and the median answer time. `now` is always an
 * argument.
 */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const EXTENSION: Record<AttachmentType, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png'
};

const startsWith = (bytes: Uint8Array, signature: number[]) =>
	bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The type the bytes prove, or null: PDF "%PDF-", PNG's 8-byte signature, JPEG's SOI marker. */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	return null;
}

/**
 * A file name safe for a Content-Disposition header and a download folder: no path, no
 * control characters or quotes, at most 120 characters, and the extension of the sniffed type
 * (a PDF called "bild.png" downloads as "bild.png.pdf").
 */
export function safeFilename(name: string, type: AttachmentType): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
		.replace(/[\u0000-\u001f\u007f"';]+/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120);
	const ext = EXTENSION[type];
	const stem = base === '' ? 'anhang' : base;
	const lower = stem.toLowerCase();
	if (lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'))) return stem;
	return `${stem}.${ext}`;
}

/** Monday to Friday, and not one of the office's holidays (Berlin calendar days). */
export function isWorkingDay(day: string, holidays: readonly string[]): boolean {
	return isoWeekday(day) <= 5 && !holidays.includes(day);
}

/**
 * The last day an answer is on time: the Nth working day after the day the message arrived
 * (the arrival day itself does not count, so a Friday message with 3 days is due Wednesday).
 */
export function answerDueDay(arrivedDay: string, answerDays: number, holidays: readonly string[]): string {
	let day = arrivedDay;
	let left = Math.max(0, answerDays);
	// A year of holidays cannot hold more than 366 skips: the loop always ends.
	for (let guard = 0; left > 0 && guard < 800; guard++) {
		day = addDays(day, 1);
		if (isWorkingDay(day, holidays)) left--;
	}
	return day;
}

/** A creative's message still unanswered after the day its answer was due. */
export function isAnswerOverdue(
	message: { createdAt: number; answeredAt: number | null },
	setting: { answerDays: number; holidays: readonly string[] },
	now: Date
): boolean {
	if (message.answeredAt != null) return false;
	return berlinDate(now) > answerDueDay(berlinDate(message.createdAt), setting.answerDays, setting.holidays);
}

/** The median of a list (null when empty); an even count takes the mean of the middle two. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type ReminderKind = 'before' | 'due';

/**
 * Which reminder a creative's open step gets today, if any: 'due' on the due day; 'before'
 * from `daysBefore` days ahead until the day before (so a job that did not run on that exact
 * day still sends it once; the unique (step, kind) row keeps it to one); nothing after the day
 * or for a step without a date. The caller skips kinds already sent.
 */
export function reminderKindFor(
	dueOn: string | null,
	today: string,
	daysBefore: number,
	alreadySent: readonly ReminderKind[]
): ReminderKind | null {
	if (dueOn == null) return null;
	if (today === dueOn) return alreadySent.includes('due') ? null : 'due';
	if (today > dueOn || daysBefore <= 0) return null;
	if (today >= addDays(dueOn, -daysBefore) && !alreadySent.includes('before')) return 'before';
	return null;
}

/** Whole days from today to the due day (for the mail's "in 3 Tagen"). */
export function daysUntil(today: string, dueOn: string): number {
	return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}

/** Holidays as typed in the settings: one 'YYYY-MM-DD' per line (or comma), sorted, unique. */
export function parseHolidays(text: string): { ok: true; days: string[] } | { ok: false; bad: string } {
	const parts = text
		.split(/[\s,;]+/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
	for (const p of parts) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(p) || Number.isNaN(Date.parse(`${p}T00:00:00Z`)))
			return { ok: false, bad: p };
		if (new Date(`${p}T00:00:00Z`).toISOString().slice(0, 10) !== p) return { ok: false, bad: p };
	}
	return { ok: true, days: [...new Set(parts)].sort() };
}
