/**
 * Who sees exact statistics (decision 008), a privacy rule and so a domain rule, not a route's:
 * an office's own staff see that office's figures exactly on screen; everyone else, the network
 * view, every export and the annual report get small cells suppressed ("< 5"), because files
 * travel further than a screen.
 */
export type StatsOutput = 'page' | 'export' | 'annual_report';

export function showsExactFigures(
	viewerOfficeIds: readonly number[],
	shownOfficeId: number | null,
	output: StatsOutput
): boolean {
	return output === 'page' && shownOfficeId !== null && viewerOfficeIds.includes(shownOfficeId);
}
