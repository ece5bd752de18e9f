import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	expectStartsReadAlike,
	lineProblems,
	pythonIcalendarMissing
} from '../../../../tests/support/ics-parsers';
import { berlinInstant } from '../../time/berlin';
import { eventIcs, eventsFeed } from './ics';
import { eventJsonLd, jsonLdScript, postalAddress } from './json-ld';
import type { EventRecord } from './records';

const BASE = 'https://kreativlotse.example';

function event(over: Partial<EventRecord> = {}): EventRecord {
	return {
		id: 7,
		officeId: 4,
		office: {
			key: 'nw',
			name: 'Regionalbüro Nordrhein-Westfalen',
			email: 'nw@kreativlotse.example',
			phone: '0234 1',
			street: 'Viktoriastraße 75',
			postcode: '44787',
			city: 'Bochum'
		},
		type: 'workshop',
		title: 'Preise kalkulieren',
		description: '**Honorare**, Angebote; <script>x</script>',
		submarkets: ['film'],
		topics: [],
		format: 'onsite',
		venueName: 'Kreativquartier',
		venueAddress: 'Viktoriastraße 75, 44787 Bochum',
		venueLand: 'DE-NW',
		accessibility: null,
		onlineUrl: 'https://video.example/geheim',
		start: berlinInstant('2026-10-25', '10:00'),
		end: berlinInstant('2026-10-25', '12:30'),
		capacity: 20,
		registrationOpensAt: null,
		registrationClosesAt: null,
		offerHours: 48,
		questions: [],
		contactName: 'Eva Events',
		contactEmail: 'eva@kreativlotse.example',
		materialsUrl: null,
		status: 'published',
		publishedAt: Date.parse('2026-09-01T08:00:00Z'),
		cancelledAt: null,
		cancelReason: null,
		followupSentAt: null,
		icsSequence: 0,
		createdAt: 0,
		updatedAt: 0,
		...over
	};
}

const NOW = Date.parse('2026-09-02T08:00:00Z');

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	return { component, events: component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('iCalendar (parsed with ical.js)', () => {
	it('writes one event with the right instants on the DST Sunday, as REQUEST with the attendee', () => {
		const text = eventIcs(event(), 'REQUEST', {
			publicBaseUrl: BASE,
			now: NOW,
			attendee: { name: 'Pia', email: 'pia@example.org' },
			onlineUrl: null
		});
		const { component, events } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('REQUEST');
		const e = events[0]!;
		expect(e.uid).toBe('event-7@kreativlotse.example');
		expect(e.summary).toBe('Preise kalkulieren');
		// 10:00 in Berlin on 2026-10-25 (after the switch, CET) is 09:00 UTC.
		expect(e.startDate.toJSDate().toISOString()).toBe('2026-10-25T09:00:00.000Z');
		expect(e.endDate.toJSDate().toISOString()).toBe('2026-10-25T11:30:00.000Z');
		expect(e.location).toBe('Kreativquartier, Viktoriastraße 75, 44787 Bochum');
		// Plain text: Markdown syntax stripped (raw HTML stays literal text, it is not markup here).
		expect(e.description).toContain('Honorare, Angebote;');
		expect(e.description).not.toContain('**');
		expect(e.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
			'mailto:pia@example.org'
		]);
		expect(text).not.toContain('geheim');
	});

	it('cancels with METHOD:CANCEL, STATUS:CANCELLED and a higher SEQUENCE', () => {
		const { component, events } = parse(
			eventIcs(event({ status: 'cancelled', icsSequence: 1 }), 'CANCEL', {
				publicBaseUrl: BASE,
				now: NOW,
				attendee: { name: 'Pia', email: 'pia@example.org' }
			})
		);
		expect(component.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events[0]!.sequence).toBe(1);
	});

	it('gives the online link only to a confirmed registrant’s own entry', () => {
		const text = eventIcs(event({ format: 'online' }), 'REQUEST', {
			publicBaseUrl: BASE,
			now: NOW,
			onlineUrl: 'https://video.example/geheim',
			attendee: { name: 'Pia', email: 'pia@example.org' }
		});
		expect(parse(text).events[0]!.description).toContain('https://video.example/geheim');
		expect(
			eventsFeed([event({ format: 'online' })], { publicBaseUrl: BASE, now: NOW, name: 'x' })
		).not.toContain('geheim');
	});

	it('builds a feed of several events that parses, cancelled ones marked', () => {
		const text = eventsFeed([event(), event({ id: 8, title: 'Netzwerkabend', status: 'cancelled' })], {
			publicBaseUrl: BASE,
			now: NOW,
			name: 'Kreativlotse: Veranstaltungen'
		});
		const { component, events } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(component.getFirstPropertyValue('x-wr-calname')).toBe('Kreativlotse: Veranstaltungen');
		expect(events.map((e) => e.summary)).toEqual(['Preise kalkulieren', 'Netzwerkabend']);
		expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual([
			'CONFIRMED',
			'CANCELLED'
		]);
		expect(events[1]!.component.getFirstPropertyValue('url')).toBe(`${BASE}/veranstaltungen/8`);
	});
});

describe('iCalendar: downloads and feeds publish, in Europe/Berlin, and three parsers agree', () => {
	it('a cancelled event downloads as METHOD:PUBLISH with STATUS:CANCELLED and no attendee', () => {
		const text = eventIcs(event({ status: 'cancelled', icsSequence: 2 }), 'PUBLISH', {
			publicBaseUrl: BASE,
			now: NOW
		});
		const { component, events } = parse(text);
		expect(component.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events[0]!.sequence).toBe(2);
		expect(text).not.toContain('ATTENDEE');
		expect(text).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
		expect(text).toContain('\r\nDTSTART;TZID=Europe/Berlin:20261025T100000\r\n');
		expect(lineProblems(text)).toEqual([]);
	});

	it('the feed parses alike in ical.js, node-ical and python icalendar', () => {
		const events = [
			event(),
			event({ id: 8, start: berlinInstant('2027-03-28', '10:00'), end: berlinInstant('2027-03-28', '11:00') })
		];
		const text = eventsFeed(events, { publicBaseUrl: BASE, now: NOW, name: 'Feed' });
		expect(lineProblems(text)).toEqual([]);
		expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
		const starts = events.map((e) => e.start);
		expect(parse(text).events.map((e) => e.startDate.toJSDate().getTime())).toEqual(starts);
		if (pythonIcalendarMissing) console.warn(pythonIcalendarMissing);
		expectStartsReadAlike(text, starts);
	});
});

describe('schema.org Event JSON-LD', () => {
	const SCHEMA = 'https://schema.org/';
	it('describes an in-person event with Place, organizer, status and offer', () => {
		const ld = eventJsonLd(event(), { publicBaseUrl: BASE, locale: 'de', remaining: 5 });
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Event',
			name: 'Preise kalkulieren',
			startDate: '2026-10-25T10:00:00+01:00',
			endDate: '2026-10-25T12:30:00+01:00',
			eventStatus: `${SCHEMA}EventScheduled`,
			eventAttendanceMode: `${SCHEMA}OfflineEventAttendanceMode`,
			location: {
				'@type': 'Place',
				name: 'Kreativquartier',
				address: {
					'@type': 'PostalAddress',
					streetAddress: 'Viktoriastraße 75',
					postalCode: '44787',
					addressLocality: 'Bochum',
					addressRegion: 'DE-NW',
					addressCountry: 'DE'
				}
			},
			organizer: { '@type': 'Organization', name: 'Regionalbüro Nordrhein-Westfalen' },
			url: `${BASE}/veranstaltungen/7`,
			maximumAttendeeCapacity: 20,
			remainingAttendeeCapacity: 5,
			offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', availability: `${SCHEMA}InStock` }
		});
		expect(String(ld.description)).toMatch(/^Honorare, Angebote;/);
	});

	it.each([
		['online', `${SCHEMA}OnlineEventAttendanceMode`, ['VirtualLocation']],
		['hybrid', `${SCHEMA}MixedEventAttendanceMode`, ['Place', 'VirtualLocation']]
	] as const)('%s: attendance mode and VirtualLocation without the secret link', (format, mode, types) => {
		const ld = eventJsonLd(event({ format }), { publicBaseUrl: BASE, locale: 'de', remaining: 0 });
		expect(ld.eventAttendanceMode).toBe(mode);
		const locations = [ld.location].flat() as { '@type': string; url?: string }[];
		expect(locations.map((l) => l['@type'])).toEqual(types);
		expect(locations.find((l) => l['@type'] === 'VirtualLocation')!.url).toBe(`${BASE}/veranstaltungen/7`);
		expect(JSON.stringify(ld)).not.toContain('geheim');
		expect((ld.offers as { availability: string }).availability).toBe(`${SCHEMA}SoldOut`);
	});

	it('marks a cancelled event EventCancelled and offers no places', () => {
		const ld = eventJsonLd(event({ status: 'cancelled' }), {
			publicBaseUrl: BASE,
			locale: 'de',
			remaining: 5
		});
		expect(ld.eventStatus).toBe(`${SCHEMA}EventCancelled`);
		expect(ld.offers).toBeUndefined();
		expect(ld.remainingAttendeeCapacity).toBeUndefined();
		expect(JSON.stringify(ld)).not.toContain('InStock');
	});

	it.each([
		[
			'Viktoriastraße 75, 44787 Bochum',
			{ streetAddress: 'Viktoriastraße 75', postalCode: '44787', addressLocality: 'Bochum' }
		],
		[
			'Rathaus, Markt 1, 32423 Minden',
			{ streetAddress: 'Rathaus, Markt 1', postalCode: '32423', addressLocality: 'Minden' }
		],
		['Markt 1\n01067 Dresden', { streetAddress: 'Markt 1', postalCode: '01067', addressLocality: 'Dresden' }],
		['Kulturzentrum am Hafen', { streetAddress: 'Kulturzentrum am Hafen' }]
	])('PostalAddress of %j', (line, fields) => {
		expect(postalAddress(line, null)).toEqual({ '@type': 'PostalAddress', ...fields, addressCountry: 'DE' });
	});

	it('cannot be broken out of its script element', () => {
		const html = jsonLdScript(
			eventJsonLd(event({ title: '</script><script>alert(1)</script>' }), {
				publicBaseUrl: BASE,
				locale: 'de',
				remaining: null
			})
		);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(JSON.parse(html.replace(/^<script[^>]*>|<\/script>$/g, '')).name).toBe(
			'</script><script>alert(1)</script>'
		);
	});
});
