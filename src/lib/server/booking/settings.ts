import { recordOfficeAudit } from '../audit/index';
import type { Db, Tx } from '../db/transaction';
import { transactNow } from '../db/transaction';
import { type RequestContext, staffActor } from '../identity/index';
import type { Services } from '../runtime';
import { type BookingSettings, DEFAULT_BOOKING_SETTINGS } from './rules';

/**
 * Booking settings per office: durations per format, buffer, notice, horizon, change notice,
 * reminder lead time. An office without a row uses the defaults.
 */
export async function getBookingSettings(db: Db | Tx, officeId: number): Promise<BookingSettings> {
	const row = await db
		.selectFrom('office_booking_setting')
		.selectAll()
		.where('office_id', '=', officeId)
		.executeTakeFirst();
	if (!row) return { ...DEFAULT_BOOKING_SETTINGS };
	return {
		durationOffice: Number(row.duration_office),
		durationPhone: Number(row.duration_phone),
		durationVideo: Number(row.duration_video),
		durationSprechtag: Number(row.duration_sprechtag),
		bufferMinutes: Number(row.buffer_minutes),
		minNoticeMinutes: Number(row.min_notice_minutes),
		horizonDays: Number(row.horizon_days),
		changeNoticeMinutes: Number(row.change_notice_minutes),
		reminderHours: Number(row.reminder_hours)
	};
}

function toRow(s: BookingSettings) {
	return {
		duration_office: s.durationOffice,
		duration_phone: s.durationPhone,
		duration_video: s.durationVideo,
		duration_sprechtag: s.durationSprechtag,
		buffer_minutes: s.bufferMinutes,
		min_notice_minutes: s.minNoticeMinutes,
		horizon_days: s.horizonDays,
		change_notice_minutes: s.changeNoticeMinutes,
		reminder_hours: s.reminderHours
	};
}

/** Who acts on an office's booking pages, as the gate proved it. */
export interface OfficeActor {
	id: number;
	email: string;
	role: 'network_admin' | 'office_lead' | 'consultant';
}

export function isLead(actor: OfficeActor): boolean {
	return actor.role === 'network_admin' || actor.role === 'office_lead';
}

export type SettingsResult = { ok: true } | { ok: false; reason: 'forbidden' | 'not_found' };

/** Leads (and network admins) change the office's settings; the row is created on first save. */
export async function updateBookingSettings(
	services: Pick<Services, 'db' | 'clock'>,
	actor: OfficeActor,
	officeId: number,
	input: BookingSettings,
	ctx: RequestContext = {}
): Promise<SettingsResult> {
	if (!isLead(actor)) return { ok: false, reason: 'forbidden' };
	return transactNow(services, async (trx, now) => {
		const office = await trx.selectFrom('office').select('id').where('id', '=', officeId).executeTakeFirst();
		if (!office) return { ok: false as const, reason: 'not_found' as const };
		const before = await getBookingSettings(trx, officeId);
		const values = { ...toRow(input), updated_at: now.getTime() };
		await trx
			.insertInto('office_booking_setting')
			.values({ office_id: officeId, ...values })
			.onConflict((oc) => oc.column('office_id').doUpdateSet(values))
			.execute();
		const changed = (Object.keys(input) as (keyof BookingSettings)[]).filter((k) => before[k] !== input[k]);
		await recordOfficeAudit(
			trx,
			staffActor(actor),
			officeId,
			{
				action: 'booking.settings.updated',
				data: { changed, ...Object.fromEntries(changed.map((k) => [k, input[k]])) }
			},
			{ now, requestId: ctx.requestId }
		);
		return { ok: true as const };
	});
}

/** Default settings rows for offices that have none (demo seed). Returns how many were added. */
export async function ensureDefaultSettings(trx: Tx, officeIds: number[], now: Date): Promise<number> {
	let added = 0;
	for (const officeId of officeIds) {
		const row = await trx
			.selectFrom('office_booking_setting')
			.select('office_id')
			.where('office_id', '=', officeId)
			.executeTakeFirst();
		if (row) continue;
		await trx
			.insertInto('office_booking_setting')
			.values({ office_id: officeId, ...toRow(DEFAULT_BOOKING_SETTINGS), updated_at: now.getTime() })
			.execute();
		added++;
	}
	return added;
}
