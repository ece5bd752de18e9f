import type { Locale } from '../../i18n/locale';
import { isoBerlin } from '../../format/iso-offset';
import { markdownToText } from './markdown';
import { eventPageUrl } from './ics';
import type { EventRecord } from './records';

/**
 * schema.org Event as JSON-LD for the public event page (search engines, calendars). The
 * secret online link never appears here: a VirtualLocation points at the event page, where
 * confirmed registrants learn how to join.
 */
const SCHEMA = 'https://schema.org/';

const attendanceMode = {
	onsite: `${SCHEMA}OfflineEventAttendanceMode`,
	online: `${SCHEMA}OnlineEventAttendanceMode`,
	hybrid: `${SCHEMA}MixedEventAttendanceMode`
} as const;

export interface JsonLdOptions {
	publicBaseUrl: string;
	locale: Locale;
	/** Places still free (null: no limit). */
	remaining: number | null;
}

/**
 * A German address line ("Viktoriastraße 75, 44787 Bochum") as PostalAddress fields: the last
 * part with a five-digit postcode gives postalCode and addressLocality, the rest is the street.
 */
export function postalAddress(line: string, land: string | null): Record<string, string> {
	const parts = line
		.split(/,|\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	const at = parts.findLastIndex((p) => /^\d{5}\s+\S/.test(p));
	const town = at >= 0 ? /^(\d{5})\s+(.+)$/.exec(parts[at]!) : null;
	const street = parts.filter((_, i) => i !== at).join(', ');
	return {
		'@type': 'PostalAddress',
		...(street ? { streetAddress: street } : {}),
		...(town ? { postalCode: town[1]!, addressLocality: town[2]! } : {}),
		...(land ? { addressRegion: land } : {}),
		addressCountry: 'DE'
	};
}

export function eventJsonLd(e: EventRecord, o: JsonLdOptions): Record<string, unknown> {
	const url = eventPageUrl(o.publicBaseUrl, e.id, o.locale);
	const place = {
		'@type': 'Place',
		name: e.venueName ?? e.venueAddress ?? '',
		address: postalAddress(e.venueAddress ?? '', e.venueLand)
	};
	const virtual = { '@type': 'VirtualLocation', url };
	const location = e.format === 'onsite' ? place : e.format === 'online' ? virtual : [place, virtual];
	const base = o.publicBaseUrl.replace(/\/$/, '');
	const organizer = e.office
		? {
				'@type': 'Organization',
				name: e.office.name,
				url: `${base}/regionalbuero`,
				...(e.office.email ? { email: e.office.email } : {})
			}
		: { '@type': 'Organization', name: 'Kreativlotse', url: base, email: e.contactEmail };
	const soldOut = o.remaining !== null && o.remaining <= 0;
	// A cancelled event offers no places: no Offer, no remaining capacity.
	const cancelled = e.status === 'cancelled';
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: e.title,
		description: markdownToText(e.description),
		startDate: isoBerlin(e.start),
		endDate: isoBerlin(e.end),
		eventStatus: e.status === 'cancelled' ? `${SCHEMA}EventCancelled` : `${SCHEMA}EventScheduled`,
		eventAttendanceMode: attendanceMode[e.format],
		location,
		organizer,
		url,
		inLanguage: 'de',
		isAccessibleForFree: true,
		...(e.capacity !== null ? { maximumAttendeeCapacity: e.capacity } : {}),
		...(o.remaining !== null && !cancelled ? { remainingAttendeeCapacity: Math.max(0, o.remaining) } : {}),
		...(cancelled
			? {}
			: {
					offers: {
						'@type': 'Offer',
						price: 0,
						priceCurrency: 'EUR',
						url,
						availability: soldOut ? `${SCHEMA}SoldOut` : `${SCHEMA}InStock`,
						...(e.publishedAt !== null
							? { validFrom: isoBerlin(e.registrationOpensAt ?? e.publishedAt) }
							: {})
					}
				})
	};
}

/** Safe inside <script type="application/ld+json">: no "</script>" or HTML comment can end it. */
export function jsonLdScript(data: unknown): string {
	const json = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${json}</script>`;
}
