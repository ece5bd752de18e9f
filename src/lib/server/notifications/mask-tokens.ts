/**
 * Live one-time links must not be readable in Postausgang nor lie in the database after a mail
 * went out (issue 13). Every link token is 32 random bytes in base64url (43 characters,
 * platform/tokens.ts), so any URL path segment of 32 or more such characters is taken for a
 * token and replaced. Pure; applied to text, HTML and calendar bodies alike (ICS folding may
 * split a URL, so the calendar text is unfolded first).
 */
export const MASK = '[…]';

const TOKEN_IN_URL = /(https?:\/\/[^\s"'<>]*?\/)[A-Za-z0-9_-]{32,}(?=[/?#\s"'<>)\].,;]|$)/g;

export function maskTokens(text: string): string {
	return text.replace(TOKEN_IN_URL, `$1${MASK}`);
}

export function maskCalendar(ics: string | null): string | null {
	return ics === null ? null : maskTokens(ics.replace(/\r?\n[ \t]/g, ''));
}
