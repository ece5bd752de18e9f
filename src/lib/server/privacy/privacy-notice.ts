import { sessionCookieNameFor } from '../identity/index';
import type { Config } from '../platform/config';
import {
	type LegalBasis,
	RETENTION_TABLE,
	type RetentionAction,
	type RetentionKey,
	retentionPeriods
} from './retention-rules';

/**
 * Issue 13, part 1: the figures the privacy notice (/datenschutz) states, composed from what
 * the server really does — the retention table with the operator's RETENTION_DAYS (the same
 * rows the retention job and docs/privacy/loeschkonzept.md use), the session cookie's name and
 * lifetime, and the data protection officer's contact. The page turns them into words through
 * the catalogue (privacyNotice.*), so the notice cannot drift from the code. Pure.
 */
export interface RetentionNoticeEntry {
	key: RetentionKey;
	days: number;
	action: RetentionAction;
	bases: readonly LegalBasis[];
}

export interface PrivacyNotice {
	retention: RetentionNoticeEntry[];
	/** Staff and the portal share this one cookie and its lifetime. */
	session: { cookie: string; idleMinutes: number; absoluteHours: number };
	/** DPO_CONTACT, or the network contact when no officer is configured (`own` false). */
	dpo: { contact: string; own: boolean };
}

export type PrivacyNoticeConfig = Pick<
	Config,
	| 'retentionDays'
	| 'cookieSecure'
	| 'sessionIdleMinutes'
	| 'sessionAbsoluteHours'
	| 'dpoContact'
	| 'networkContact'
>;

export function privacyNotice(config: PrivacyNoticeConfig): PrivacyNotice {
	const periods = retentionPeriods(config.retentionDays);
	const dpo = config.dpoContact?.trim();
	return {
		retention: RETENTION_TABLE.map((c) => ({
			key: c.key,
			days: periods[c.key],
			action: c.action,
			bases: c.bases
		})),
		session: {
			cookie: sessionCookieNameFor(config.cookieSecure),
			idleMinutes: config.sessionIdleMinutes,
			absoluteHours: config.sessionAbsoluteHours
		},
		dpo: dpo ? { contact: dpo, own: true } : { contact: config.networkContact, own: false }
	};
}
