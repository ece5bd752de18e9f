import type { OfficeScope } from '../access/scope';
import type { Db, Tx } from '../db/transaction';
import { listSubmarkets } from '../reference/index';
import type { Locale } from '../../i18n/locale';
import {
	type Candidate,
	candidatesFor,
	type IntroductionRow,
	introductionsForRequest
} from './introductions';
import { type ModerationOverview, moderationOverview } from './moderation';
import { officeRequests, type StaffRequestView } from './requests';

/**
 * What an office's visibility pages read (issue 17: one read per page). The office and the
 * request were proven by the gate; these only compose the reads the pages show.
 */

/** The office's visibility page: profiles to review and decision makers' requests. */
export async function visibilityDesk(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number
): Promise<{ overview: ModerationOverview; requests: StaffRequestView[] }> {
	const [overview, requests] = await Promise.all([
		moderationOverview(db, scope, officeId),
		officeRequests(db, scope, officeId)
	]);
	return { overview, requests };
}

/** The candidate search on a request's page; `null` until the office searched. */
export interface CandidateSearch {
	q: string | null;
	submarket: string | null;
}

/**
 * One request's page: candidates only once the office searched (a search is a deliberate look
 * through profiles and cases, not something every visit does), the introductions brokered for
 * it, and the active sub-markets to search by.
 */
export async function requestDesk(
	db: Db | Tx,
	scope: OfficeScope,
	officeId: number,
	requestId: number,
	locale: Locale,
	search: CandidateSearch | null
): Promise<{
	candidates: Candidate[] | null;
	introductions: IntroductionRow[];
	submarkets: { key: string; name: string }[];
}> {
	const [candidates, introductions, submarkets] = await Promise.all([
		search ? candidatesFor(db, scope, officeId, requestId, search) : null,
		introductionsForRequest(db, scope, officeId, requestId),
		listSubmarkets(db, locale, { activeOnly: true })
	]);
	return { candidates, introductions, submarkets: submarkets.map((s) => ({ key: s.key, name: s.name })) };
}
