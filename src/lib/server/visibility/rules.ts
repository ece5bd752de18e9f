/**
 * Pure decisions of the visibility domain (no I/O, no clock: `now` is an argument).
 */
import { DAY } from '../../time/durations';
import type { IntroductionStatus, ProfileStatus, ProjectRequestStatus } from '../db/schema';

/** "Open for projects" lasts this long from setting or renewing it. */
export const OPEN_FOR_PROJECTS_MS = 30 * DAY;
/** The reminder goes out this long before it lapses. */
export const OPEN_REMINDER_BEFORE_MS = 3 * DAY;
/** The link in a proposal mail works this long. */
export const INTRODUCTION_LINK_MS = 30 * DAY;
/** The link that confirms a decision maker's address and request. */
export const REQUEST_CONFIRM_MS = 48 * 60 * 60 * 1000;
export const LINKS_MAX = 6;
export const SERVICES_MAX = 10;

export interface ProfileVisibilityFacts {
	status: ProfileStatus;
	hidden_at: number | null;
	erased_at: number | null;
	creative_deleted_at: number | null;
}

/**
 * The one definition of "the public may see it": opted in and approved, not hidden by staff,
 * not erased. Everything public (directory, page, image, API, contact form) asks this.
 */
export function isPubliclyVisible(p: ProfileVisibilityFacts): boolean {
	return (
		p.status === 'published' && p.hidden_at == null && p.erased_at == null && p.creative_deleted_at == null
	);
}

export function isOpenForProjects(openUntil: number | null, now: number): boolean {
	return openUntil != null && openUntil > now;
}

/** When the reminder is due for an open flag (and not sent for this period yet). */
export function openReminderDue(
	p: { open_until: number | null; open_reminder_sent_at: number | null },
	now: number
): boolean {
	if (p.open_until == null || p.open_until <= now) return false;
	if (p.open_until - now > OPEN_REMINDER_BEFORE_MS) return false;
	return p.open_reminder_sent_at == null || p.open_reminder_sent_at < p.open_until - OPEN_FOR_PROJECTS_MS;
}

/** Only http and https links, absolute, no credentials in them. */
export function safeLink(value: string): string | null {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.username || url.password) return null;
	if (!url.hostname.includes('.')) return null;
	return url.toString();
}

const EMAIL_IN_TEXT = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

/** Profiles never show an e-mail address: contact runs through the relay form. */
export function containsEmailAddress(text: string): boolean {
	return EMAIL_IN_TEXT.test(text);
}

/** Moves a creative may make with their own profile, by status. */
export function canPublish(status: ProfileStatus): boolean {
	return status === 'draft' || status === 'rejected';
}

export function canUnpublish(status: ProfileStatus): boolean {
	return status === 'pending' || status === 'published';
}

/**
 * What an edit does to the status: an edit of a profile under review or public goes back to
 * review (staff approved the old text, not the new one); drafts and rejected stay as they are.
 */
export function statusAfterEdit(status: ProfileStatus): ProfileStatus {
	return status === 'published' ? 'pending' : status;
}

export function requestAcceptsInterest(r: {
	status: ProjectRequestStatus;
	visibility: 'public' | 'private';
}): boolean {
	return r.status === 'open' && r.visibility === 'public';
}

/** Which introductions a creative may still answer, and the consultant may record an outcome for. */
export function canRespond(status: IntroductionStatus): boolean {
	return status === 'proposed';
}

export function canRecordOutcome(status: IntroductionStatus): boolean {
	return status === 'accepted';
}

/** Budget as a range text for pages and mails; null when none was given. */
export function budgetRange(
	min: number | null,
	max: number | null
): { min: number | null; max: number | null } | null {
	if (min == null && max == null) return null;
	return { min, max };
}
