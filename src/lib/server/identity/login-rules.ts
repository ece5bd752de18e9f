/**
 * Pure rules of the login flow (no I/O). Kept apart from login.ts so they are data-table tests.
 */
export const DEFAULT_AFTER_LOGIN = '/intern';

/**
 * Where to go after a completed login. Only same-site relative paths are accepted: one leading
 * slash, no `//` or `/\` (browsers read both as "another host"), no control characters, no
 * scheme. Anything else falls back to the staff start page, so `?weiter=` cannot be used to
 * send someone to a look-alike site after they signed in.
 */
export function safeNextPath(raw: string | null | undefined): string {
	if (!raw || raw.length > 1000) return DEFAULT_AFTER_LOGIN;
	if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return DEFAULT_AFTER_LOGIN;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
	if (/[\u0000-\u001f\u007f\\]/.test(raw)) return DEFAULT_AFTER_LOGIN;
	// Sending someone back into the login flow after login would only loop.
	if (/^(\/en)?\/(anmelden|abmelden)(\/|$|\?)/.test(raw)) return DEFAULT_AFTER_LOGIN;
	return raw;
}

/** Which step follows an accepted password: the code, or enrolling an authenticator first. */
export function stepAfterPassword(totpEnabledAt: number | null): 'totp' | 'enrol' {
	return totpEnabledAt === null ? 'enrol' : 'totp';
}

/** Status shown in the admin list. */
export type StaffStatus = 'active' | 'invited' | 'disabled';

export function staffStatus(user: { disabled_at: number | null; password_hash: string | null }): StaffStatus {
	if (user.disabled_at !== null) return 'disabled';
	if (user.password_hash === null) return 'invited';
	return 'active';
}
