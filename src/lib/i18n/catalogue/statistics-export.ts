import { catalogue } from './define';

// Issue 15, part 5: short sheet names for the statistics XLSX export, one per table id
// (statistics/tables.ts TABLE_IDS). Excel allows at most 31 characters; each name here is whole
// words within that limit, so no sheet name is ever cut. Keys start with 'stats.sheet.'.
export default catalogue(
	{
		'stats.sheet.kennzahlen': 'Kennzahlen',
		'stats.sheet.bueros': 'Regionalbüros',
		'stats.sheet.monate': 'Monate',
		'stats.sheet.teilmarkt': 'Teilmärkte',
		'stats.sheet.thema': 'Themen',
		'stats.sheet.phase': 'Phasen',
		'stats.sheet.format': 'Formate',
		'stats.sheet.land': 'Länder',
		'stats.sheet.begleitung': 'Begleitung',
		'stats.sheet.faelle': 'Begonnene Begleitungen',
		'stats.sheet.abschluesse': 'Abschlüsse',
		'stats.sheet.absagen': 'Absagen',
		'stats.sheet.verweise': 'Verweise',
		'stats.sheet.veranstaltungen': 'Veranstaltungen',
		'stats.sheet.sichtbarkeit': 'Sichtbarkeit'
	},
	{
		'stats.sheet.kennzahlen': 'Key figures',
		'stats.sheet.bueros': 'Regional offices',
		'stats.sheet.monate': 'Months',
		'stats.sheet.teilmarkt': 'Sub-markets',
		'stats.sheet.thema': 'Topics',
		'stats.sheet.phase': 'Stages',
		'stats.sheet.format': 'Formats',
		'stats.sheet.land': 'Länder',
		'stats.sheet.begleitung': 'Accompaniment',
		'stats.sheet.faelle': 'Accompaniments begun',
		'stats.sheet.abschluesse': 'Closures',
		'stats.sheet.absagen': 'Cancellations',
		'stats.sheet.verweise': 'Referrals',
		'stats.sheet.veranstaltungen': 'Events',
		'stats.sheet.sichtbarkeit': 'Visibility'
	}
);
