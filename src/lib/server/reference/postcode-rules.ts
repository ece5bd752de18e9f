/**
 * "Welches Regionalbüro ist für mich da?" as a pure decision. A postcode only suggests a
 * Land (DOMAIN.md §3: 17 postcodes lie in two Länder); the Land the user chose always wins.
 * No I/O: the caller looks the postcode up and passes the matches in.
 */
export type PostcodeInput =
	| { kind: 'empty' }
	| { kind: 'malformed'; raw: string }
	| { kind: 'ok'; plz: string };

/**
 * What people type for a postcode, read as five digits: spaces anywhere ("01 067"), the old
 * country prefix ("D-23552", "D 23552", "DE-23552") and a lost leading zero ("1067", as
 * spreadsheets and some forms drop it: 01067). Anything else, and 00000, is no postcode.
 */
export function readPostcode(raw: string | null | undefined): PostcodeInput {
	const value = (raw ?? '').trim();
	if (value === '') return { kind: 'empty' };
	const digits = value.replace(/^d(e|eu)?\s*[-–.]?\s*/i, '').replace(/\s+/g, '');
	if (!/^\d{4,5}$/.test(digits)) return { kind: 'malformed', raw: value };
	const plz = digits.padStart(5, '0');
	if (plz === '00000') return { kind: 'malformed', raw: value };
	return { kind: 'ok', plz };
}

/** One Land a postcode lies in, with the places there and where the row came from. */
export interface PostcodeMatch {
	land: string;
	places: string[];
	sources: string[];
}

export type LandSuggestion =
	| { kind: 'none' }
	| { kind: 'unique'; land: string }
	| { kind: 'ambiguous'; laender: string[] };

export function suggestLand(matches: readonly PostcodeMatch[]): LandSuggestion {
	const laender = [...new Set(matches.map((m) => m.land))].sort();
	if (laender.length === 0) return { kind: 'none' };
	if (laender.length === 1) return { kind: 'unique', land: laender[0]! };
	return { kind: 'ambiguous', laender };
}

export type FinderError = 'plzFormat' | 'landRequired' | 'landInvalid';

export type FinderDecision =
	/** Nothing asked yet: show the empty form. */
	| { kind: 'initial' }
	| { kind: 'invalid'; errors: Partial<Record<'plz' | 'land', FinderError>> }
	/** The postcode lies in several Länder: ask which one, offering exactly those. */
	| { kind: 'choose'; plz: string; laender: string[]; error: FinderError | null }
	/** The postcode is not in our table: say so and ask for the Land. */
	| { kind: 'unknown'; plz: string }
	| {
			kind: 'result';
			land: string;
			/** 'postcode' when the Land was derived from the postcode alone. */
			via: 'postcode' | 'choice';
			/** The Länder the postcode lies in, when it is known and the chosen Land is not among them. */
			postcodeElsewhere: string[];
	  };

export interface FinderInput {
	/** false on the first visit (no query parameters): no errors then. */
	submitted: boolean;
	postcode: PostcodeInput;
	/** The Land as sent, '' or null when none was chosen. */
	land: string | null;
	/** true when the user answered the "which of these Länder?" question. */
	choosing?: boolean;
}

export function decideLand(
	input: FinderInput,
	matches: readonly PostcodeMatch[],
	knownLaender: readonly string[]
): FinderDecision {
	if (!input.submitted) return { kind: 'initial' };
	const land = input.land?.trim() || null;
	const errors: Partial<Record<'plz' | 'land', FinderError>> = {};
	if (input.postcode.kind === 'malformed') errors.plz = 'plzFormat';
	if (land !== null && !knownLaender.includes(land)) errors.land = 'landInvalid';
	if (errors.plz || errors.land) return { kind: 'invalid', errors };

	const suggestion = input.postcode.kind === 'ok' ? suggestLand(matches) : ({ kind: 'none' } as const);
	if (land !== null) {
		const known =
			suggestion.kind === 'unique'
				? [suggestion.land]
				: suggestion.kind === 'ambiguous'
					? suggestion.laender
					: [];
		return {
			kind: 'result',
			land,
			via: 'choice',
			postcodeElsewhere: known.length > 0 && !known.includes(land) ? known : []
		};
	}
	if (input.postcode.kind !== 'ok') return { kind: 'invalid', errors: { land: 'landRequired' } };
	switch (suggestion.kind) {
		case 'unique':
			return { kind: 'result', land: suggestion.land, via: 'postcode', postcodeElsewhere: [] };
		case 'ambiguous':
			return {
				kind: 'choose',
				plz: input.postcode.plz,
				laender: suggestion.laender,
				error: input.choosing ? 'landRequired' : null
			};
		default:
			return { kind: 'unknown', plz: input.postcode.plz };
	}
}
