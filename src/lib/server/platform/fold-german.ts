/**
 * German text in one spelling for comparisons: lower case, umlauts and ß spelled out, runs of
 * white space as one space, so "Ärztin", "Aerztin" and "ÄRZTIN" compare equal. Not for display.
 */
export function foldGerman(text: string): string {
	return text
		.normalize('NFC')
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/\s+/g, ' ');
}
