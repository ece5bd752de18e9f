/**
 * Text placed into HTML we write ourselves (mail bodies, rendered Markdown). All five characters
 * are escaped, quotes included, so the same function is safe in text and in attribute values.
 */
export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}
