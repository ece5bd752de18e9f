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
