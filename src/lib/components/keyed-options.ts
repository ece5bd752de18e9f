/**
 * The choices of a select or checkbox group from reference entries (topics, sub-markets, stages,
 * offices). A module of its own, not form-values.ts: every page with a Field loads that one, and
 * /termin has no script budget to spare (tests/e2e/page-weight.spec.ts).
 */
export function keyedOptions(
	entries: readonly { key: string; name: string }[]
): { value: string; label: string }[] {
	return entries.map((e) => ({ value: e.key, label: e.name }));
}
