import type { Insertable } from 'kysely';
import type { EventTable } from '../../src/lib/server/db/schema';
import type { EventInput } from '../../src/lib/server/events/schema';
import { HOUR } from '../../src/lib/time/durations';

/**
 * A complete hybrid workshop of two hours in Bochum with two places and one question, as the
 * staff form would send it; `overrides` changes what a test is about.
 */
export function eventInput(start: number, overrides: Partial<EventInput> = {}): EventInput {
	return {
		type: 'workshop',
		title: 'Preise kalkulieren',
		description: '**Honorare** richtig ansetzen',
		submarkets: ['film'],
		topics: [],
		format: 'hybrid',
		venueName: 'Kreativquartier',
		venueAddress: 'Viktoriastraße 75, 44787 Bochum',
		venueLand: 'DE-NW',
		accessibility: 'Stufenloser Zugang',
		onlineUrl: 'https://video.example/geheim-123',
		start,
		end: start + 2 * HOUR,
		capacity: 2,
		registrationOpensAt: null,
		registrationClosesAt: null,
		offerHours: 48,
		questions: ['Was möchten Sie lernen?'],
		contactName: 'Eva Events',
		contactEmail: 'eva@kreativlotse.example',
		materialsUrl: 'https://example.org/unterlagen.pdf',
		network: false,
		...overrides
	};
}

type EventRow = Insertable<EventTable>;

/**
 * An event row published at `t` and untouched since — no venue, online link, capacity, window or
 * materials — for tests that put an event straight into the database; `row` names the rest.
 */
export function publishedEventRow(
	t: number,
	row: Pick<
		EventRow,
		'office_id' | 'type' | 'title' | 'format' | 'start_at' | 'end_at' | 'contact_name' | 'contact_email'
	> &
		Partial<EventRow>
): EventRow {
	return {
		// No place, no online link, no materials.
		venue_name: null,
		venue_address: null,
		venue_land: null,
		accessibility: null,
		online_url: null,
		materials_url: null,
		// Anyone may register, at any time.
		capacity: null,
		registration_opens_at: null,
		registration_closes_at: null,
		// Created and published at t, nothing since.
		created_by: null,
		created_at: t,
		updated_at: t,
		status: 'published',
		published_at: t,
		followup_sent_at: null,
		finished_at: null,
		cancelled_at: null,
		cancel_reason: null,
		...row
	};
}
