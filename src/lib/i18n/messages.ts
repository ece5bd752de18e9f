import admin from './catalogue/admin';
import audit from './catalogue/audit';
import booking from './catalogue/booking';
import bookingAvailability from './catalogue/booking-availability';
import bookingStaff from './catalogue/booking-staff';
import cases from './catalogue/cases';
import checkins from './catalogue/checkins';
import common from './catalogue/common';
import directory from './catalogue/directory';
import events from './catalogue/events';
import directoryImport from './catalogue/directory-import';
import type { Message } from './catalogue/define';
import identity from './catalogue/identity';
import mail from './catalogue/mail';
import messages from './catalogue/messages';
import pages from './catalogue/pages';
import portal from './catalogue/portal';
import privacy from './catalogue/privacy';
import reference from './catalogue/reference';
import referrals from './catalogue/referrals';
import staff from './catalogue/staff';
import statistics from './catalogue/statistics';
import statisticsExport from './catalogue/statistics-export';
import visibility from './catalogue/visibility';
import postcodes from './catalogue/postcodes';
import video from './catalogue/video';
import calendarFeed from './catalogue/calendar-feed';
import seo from './catalogue/seo';
import usability from './catalogue/usability';
import auditSentences from './catalogue/audit-sentences';
import consents from './catalogue/consents';
import freeText from './catalogue/free-text';
import privacyNotice from './catalogue/privacy-notice';
import eventsOptin from './catalogue/events-optin';
import staffLists from './catalogue/staff-lists';
import search from './catalogue/search';
import type { Locale } from './locale';

/** All user-facing text. One file per area under ./catalogue; add new areas here. */
const areas = [
	common,
	identity,
	reference,
	mail,
	audit,
	pages,
	admin,
	staff,
	bookingStaff,
	booking,
	bookingAvailability,
	portal,
	directory,
	cases,
	checkins,
	referrals,
	directoryImport,
	events,
	statistics,
	visibility,
	postcodes,
	video,
	messages,
	privacy,
	calendarFeed,
	seo,
	usability,
	auditSentences,
	consents,
	statisticsExport,
	freeText,
	privacyNotice,
	eventsOptin,
	staffLists,
	search
] as const;

type Merge<T extends readonly { de: object }[]> = T extends readonly [
	infer H extends { de: object },
	...infer R extends { de: object }[]
]
	? H['de'] & Merge<R>
	: unknown;

export type MessageKey = keyof Merge<typeof areas> & string;
export type MessageParams = Record<string, string | number>;

const tables: Record<Locale, Record<string, Message>> = {
	de: Object.assign({}, ...areas.map((a) => a.de)),
	en: Object.assign({}, ...areas.map((a) => a.en))
};

/**
 * The client build fills the tables piece by piece: each module brings the messages it names
 * (i18n/split/plugin.ts, issue 14). The server has the whole catalogue from the start.
 */
export function registerMessages(piece: { de: Record<string, Message>; en: Record<string, Message> }): void {
	Object.assign(tables.de, piece.de);
	Object.assign(tables.en, piece.en);
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
	const message = tables[locale][key] ?? tables.de[key];
	if (message === undefined) {
		// In the browser a missing key means the split left a text out: loud, so e2e console checks fail.
		if (typeof document !== 'undefined') console.error(`message missing in this page's catalogue: ${key}`);
		return key;
	}
	const text = typeof message === 'function' ? message(params) : message;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name])
	);
}

export function hasMessage(key: string): key is MessageKey {
	return key in tables.de;
}

/** For tests: every key in both languages. */
export function allKeys(locale: Locale): string[] {
	return Object.keys(tables[locale]);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}
