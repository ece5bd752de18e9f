import type { ReferralStatus } from '../db/schema';

/**
 * Pure decisions about referrals (no I/O, no clock): the status set, which changes are allowed,
 * when an aggregate is shown, and how suggestions are ranked.
 */
const STATUS_SET: Record<ReferralStatus, true> = {
	suggested: true,
	contacted: true,
	got_help: true,
	no_help: true,
	not_eligible: true,
	no_capacity: true,
	not_needed: true
};
/**
 * Every status once, in this order (the statistics table's columns). Built from a record, so a
 * status added to the schema fails to compile here instead of going uncounted or unaccepted.
 */
export const REFERRAL_STATUSES = Object.keys(STATUS_SET) as readonly ReferralStatus[];

/** The outcomes: the loop is closed once a referral has one of these. */
export const FINAL_STATUSES = [
	'got_help',
	'no_help',
	'not_eligible',
	'no_capacity',
	'not_needed'
] as const satisfies readonly ReferralStatus[];

/** What anyone may set: everything but the initial 'suggested'. */
export const SETTABLE_STATUSES = [
	'contacted',
	...FINAL_STATUSES
] as const satisfies readonly ReferralStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/**
 * Outcomes that say something about the contact point. 'not_needed' says something about the
 * creative's situation, not about the contact point, so it is left out of its figures.
 */
export const OUTCOME_STATUSES = [
	'got_help',
	'no_help',
	'not_eligible',
	'no_capacity'
] as const satisfies readonly ReferralStatus[];

/** Below this many outcomes the "got help" share is not shown (small cells, see DOMAIN.md §10). */
export const MIN_OUTCOMES_SHOWN = 5;

/** How long the one-click links in the follow-up mail work. */
export const TOKEN_DAYS = 30;

/** Statuses that still wait for an outcome: the follow-up mail asks about these. */
export const OPEN_STATUSES = ['suggested', 'contacted'] as const satisfies readonly ReferralStatus[];

export function isReferralStatus(value: unknown): value is ReferralStatus {
	return typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function isSettableStatus(value: unknown): value is SettableStatus {
	return typeof value === 'string' && (SETTABLE_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: ReferralStatus): boolean {
	return (FINAL_STATUSES as readonly string[]).includes(status);
}

export type TransitionDecision = 'change' | 'unchanged' | 'refused';

/**
 * The transition rule, the same for staff, the creative in the portal and the mail link:
 * - 'suggested' is only the starting point; nothing changes back to it.
 * - From 'suggested' or 'contacted' any other settable status may follow.
 * - A final status may still be corrected (to another outcome, or back to 'contacted' when the
 *   creative answered too early): people click the wrong button, and the last word counts.
 * - Setting the current status again changes nothing (a double submit writes no second row).
 */
export function decideTransition(from: ReferralStatus, to: ReferralStatus): TransitionDecision {
	if (!isSettableStatus(to)) return 'refused';
	if (from === to) return 'unchanged';
	return 'change';
}

export interface OutcomeFigure {
	/** Referrals to this contact point with an outcome (OUTCOME_STATUSES). */
	count: number;
	/** got_help / count, or null when count < MIN_OUTCOMES_SHOWN (hidden). */
	gotHelpShare: number | null;
}

export function outcomeFigure(outcomes: number, gotHelp: number): OutcomeFigure {
	return {
		count: outcomes,
		gotHelpShare: outcomes < MIN_OUTCOMES_SHOWN || outcomes === 0 ? null : gotHelp / outcomes
	};
}

export interface RankInput {
	scope: 'bund' | 'land';
	laender: readonly string[];
	topics: readonly string[];
	submarkets: readonly string[];
	advocacy: boolean;
	active: boolean;
}

/**
 * Whether a contact point may be suggested for a case, and how well it fits. Eligible: active,
 * not an advocacy body (nobody is referred there for one-to-one advice), national or serving the
 * case's Land (no Land known: national entries only), and not limited to other sub-markets
 * (no sub-market known: no entry is excluded for its sub-markets).
 * Score: 2 per matching topic, 1 for a matching sub-market term, 1 for a Land's own entry.
 */
export function rankContactPoint(
	c: RankInput,
	input: { landIso: string | null; topics: readonly string[]; submarket: string | null }
): { eligible: false } | { eligible: true; score: number; matchedTopics: string[] } {
	if (!c.active || c.advocacy) return { eligible: false };
	if (c.scope === 'land' && (input.landIso === null || !c.laender.includes(input.landIso)))
		return { eligible: false };
	if (input.submarket !== null && c.submarkets.length > 0 && !c.submarkets.includes(input.submarket))
		return { eligible: false };
	const matchedTopics = c.topics.filter((t) => input.topics.includes(t));
	const submarketMatch = input.submarket !== null && c.submarkets.includes(input.submarket);
	const score = matchedTopics.length * 2 + (submarketMatch ? 1 : 0) + (c.scope === 'land' ? 1 : 0);
	return { eligible: true, score, matchedTopics };
}
