import type { Insertable } from 'kysely';
import type { DB } from './schema';
import type { Tx } from './transaction';

/** The tables that hold one row of settings per office, keyed by `office_id`. */
export type OfficeSettingTable =
	| 'office_booking_setting'
	| 'office_calendar_setting'
	| 'office_case_setting'
	| 'office_message_setting';

/**
 * Saves an office's settings row: inserted at the first save, its columns replaced after (an
 * office without a row reads the defaults, so the row appears only once someone saves).
 */
export async function saveOfficeSettingRow<T extends OfficeSettingTable>(
	trx: Tx,
	table: T,
	officeId: number,
	values: Omit<Insertable<DB[T]>, 'office_id'>
): Promise<void> {
	// Kysely cannot relate a generic table's columns to its insert type; the signature checks them.
	const row = { office_id: officeId, ...values } as never;
	await trx
		.insertInto(table as OfficeSettingTable)
		.values(row)
		.onConflict((oc) => oc.column('office_id').doUpdateSet(values as never))
		.execute();
}
