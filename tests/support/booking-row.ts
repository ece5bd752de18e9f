/**
 * A booking row of Kim Kreativ (kim@example.org, design, idea stage, from NRW) for writing
 * straight into the `booking` table: an office appointment of `consultantId` from `start` to
 * `end`, consented, created and updated at `at`. Spread it and override what a test needs.
 */
export function kimBookingRow(b: {
	officeId: number;
	consultantId: number;
	start: number;
	end: number;
	status: 'held' | 'confirmed' | 'cancelled';
	at: number;
}) {
	return {
		office_id: b.officeId,
		consultant_id: b.consultantId,
		format: 'office' as 'office' | 'sprechtag',
		start_at: b.start,
		end_at: b.end,
		status: b.status,
		name: 'Kim Kreativ',
		email: 'kim@example.org',
		land_iso: 'DE-NW',
		submarket: 'design',
		stage: 'idee',
		consent_processing_version: 1,
		consented_at: b.at,
		created_at: b.at,
		updated_at: b.at
	};
}
