// identity: staff users, creatives' principals, sign-in, sessions, passwords, TOTP, link tokens.
export { sessionPolicy, staffActor } from './context';
export type { RequestContext } from './context';
export { printDemoLogins, seedDemo } from './demo';
export type { DemoLogin } from './demo';
export { purgeExpiredAuthState } from './housekeeping';
export type { LinkRequestCount, LinkRequestResult } from './link-request';
export { linkRequest } from './link-request';
export { consumeLinkToken, inspectLinkToken, issueLinkToken, retireLinkTokens } from './link-tokens';
export { absoluteLink } from './mails';
export type { Actor, CreativePrincipal, Membership, PendingStaff, StaffPrincipal } from './principal';
export { sessionCookieNameFor } from './session-cookie-name';
export { createSession, endAllSessionsOf, endSession, endSignInsOf } from './sessions';
export type { NewSession } from './sessions';
export { countHit, strictest, throttleKey } from './throttle';
export type { Throttled, ThrottleDecision } from './throttle-rules';
export { minutesToWait } from './throttle-rules';
