/**
 * A small table of postcodes for suggestions until a full table is imported
 * (`npm run kl -- import-postcodes FILE`). It deliberately includes postcodes that lie in two
 * Länder (DOMAIN.md §3), where the form must ask instead of guessing.
 */
export const builtinPostcodes: readonly { plz: string; land: string; place: string }[] = [
	{ plz: '21039', land: 'DE-HH', place: 'Hamburg' },
	{ plz: '21039', land: 'DE-SH', place: 'Börnsen' },
	{ plz: '89081', land: 'DE-BW', place: 'Ulm' },
	{ plz: '89081', land: 'DE-BY', place: 'Elchingen' },
	{ plz: '01067', land: 'DE-SN', place: 'Dresden' },
	{ plz: '04109', land: 'DE-SN', place: 'Leipzig' },
	{ plz: '06108', land: 'DE-ST', place: 'Halle (Saale)' },
	{ plz: '10115', land: 'DE-BE', place: 'Berlin' },
	{ plz: '10969', land: 'DE-BE', place: 'Berlin' },
	{ plz: '14467', land: 'DE-BB', place: 'Potsdam' },
	{ plz: '18055', land: 'DE-MV', place: 'Rostock' },
	{ plz: '19053', land: 'DE-MV', place: 'Schwerin' },
	{ plz: '20095', land: 'DE-HH', place: 'Hamburg' },
	{ plz: '24103', land: 'DE-SH', place: 'Kiel' },
	{ plz: '28195', land: 'DE-HB', place: 'Bremen' },
	{ plz: '30159', land: 'DE-NI', place: 'Hannover' },
	{ plz: '39104', land: 'DE-ST', place: 'Magdeburg' },
	{ plz: '40213', land: 'DE-NW', place: 'Düsseldorf' },
	{ plz: '44787', land: 'DE-NW', place: 'Bochum' },
	{ plz: '50667', land: 'DE-NW', place: 'Köln' },
	{ plz: '55116', land: 'DE-RP', place: 'Mainz' },
	{ plz: '60311', land: 'DE-HE', place: 'Frankfurt am Main' },
	{ plz: '65183', land: 'DE-HE', place: 'Wiesbaden' },
	{ plz: '66111', land: 'DE-SL', place: 'Saarbrücken' },
	{ plz: '70173', land: 'DE-BW', place: 'Stuttgart' },
	{ plz: '80331', land: 'DE-BY', place: 'München' },
	{ plz: '90403', land: 'DE-BY', place: 'Nürnberg' },
	{ plz: '99084', land: 'DE-TH', place: 'Erfurt' }
];
