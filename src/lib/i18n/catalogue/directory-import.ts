import { catalogue } from './define';

// Keys start with 'directoryImport.': the network admins' import of contact points (HSDS JSON or CSV).
export default catalogue(
	{
		'directoryImport.nav': 'Anlaufstellen importieren',
		'directoryImport.title': 'Anlaufstellen importieren',
		'directoryImport.titleError': 'Fehler: {title}',
		'directoryImport.lead':
			'Laden Sie eine HSDS-Datei (JSON, wie GET /api/v1/hsds/services?full=true sie liefert, oder einzelne HSDS-3-Dienste anderer Anbieter) oder eine CSV-Datei im Format von contact_points.csv hoch. Sie sehen zuerst eine Vorschau; importiert wird erst mit „Jetzt importieren“. Einträge werden über ihren Schlüssel zugeordnet: Bekannte werden aktualisiert, neue angelegt.',
		'directoryImport.file': 'Datei (JSON oder CSV, höchstens 400 KB)',
		'directoryImport.preview': 'Vorschau anzeigen',
		'directoryImport.import': 'Jetzt importieren',
		'directoryImport.summary.preview': 'Vorschau',
		'directoryImport.summary.done': 'Import abgeschlossen',
		'directoryImport.format.hsds': 'Format: HSDS (JSON)',
		'directoryImport.format.csv': 'Format: CSV',
		'directoryImport.created': 'Neu: {count}',
		'directoryImport.updated': 'Aktualisiert: {count}',
		'directoryImport.skipped': 'Übersprungen: {count}',
		'directoryImport.skippedTitle': 'Übersprungene Zeilen',
		'directoryImport.skippedLine': 'Zeile {line} ({key}): {problems}',
		'directoryImport.keys': 'Schlüssel: {keys}',
		'directoryImport.hsdsRefused':
			'Die Datei kann nicht importiert werden, weil sie Fehler enthält (Pfad im JSON-Dokument: Fehler):',
		'directoryImport.nothing': 'Die Datei enthält keine Einträge, die importiert werden können.',
		'directoryImport.error.file': 'Bitte wählen Sie eine Datei aus.',
		'directoryImport.error.tooBig': 'Die Datei ist größer als 400 KB.',
		'directoryImport.error.json': 'Die Datei ist kein gültiges JSON.',
		'directoryImport.error.empty': 'Die Datei ist leer.',
		'directoryImport.error.csv':
			'Zeile {line}: Hier ist die Datei kein lesbares CSV (ein Anführungszeichen wird nicht geschlossen).',
		'directoryImport.error.columns': 'Zeile 1: Es fehlen die Spalten {columns}.',
		'directoryImport.error.tooMany': 'Die Datei hat mehr als {max} Zeilen.',
		'directoryImport.error.key':
			'ungültiger Schlüssel „{value}“ (nur Kleinbuchstaben, Ziffern und einzelne Bindestriche)',
		'directoryImport.error.duplicate': 'Schlüssel schon in Zeile {line} verwendet',
		'directoryImport.error.name': 'Name fehlt',
		'directoryImport.error.tooLong':
			'Name (höchstens 200 Zeichen) oder Beschreibung (höchstens 2000 Zeichen) zu lang',
		'directoryImport.error.scope': 'Gebiet „{value}“ ist weder „bund“ noch „land“',
		'directoryImport.error.land': 'unbekanntes Land „{value}“ (erwartet z. B. DE-NW)',
		'directoryImport.error.landForBund': 'ein bundesweiter Eintrag nennt kein Land',
		'directoryImport.error.kind': 'unbekannte Art „{value}“',
		'directoryImport.error.topic': 'unbekannte Themen: {value}',
		'directoryImport.error.website': 'ungültige Website „{value}“',
		'directoryImport.error.year': 'ungültiges Quelljahr „{value}“'
	},
	{
		'directoryImport.nav': 'Import contact points',
		'directoryImport.title': 'Import contact points',
		'directoryImport.titleError': 'Error: {title}',
		'directoryImport.lead':
			'Upload an HSDS file (JSON, as GET /api/v1/hsds/services?full=true returns it, or single HSDS 3 services of other publishers) or a CSV file in the format of contact_points.csv. You see a preview first; only "Import now" imports. Entries are matched by their key: known ones are updated, new ones created.',
		'directoryImport.file': 'File (JSON or CSV, at most 400 KB)',
		'directoryImport.preview': 'Show preview',
		'directoryImport.import': 'Import now',
		'directoryImport.summary.preview': 'Preview',
		'directoryImport.summary.done': 'Import finished',
		'directoryImport.format.hsds': 'Format: HSDS (JSON)',
		'directoryImport.format.csv': 'Format: CSV',
		'directoryImport.created': 'New: {count}',
		'directoryImport.updated': 'Updated: {count}',
		'directoryImport.skipped': 'Skipped: {count}',
		'directoryImport.skippedTitle': 'Skipped lines',
		'directoryImport.skippedLine': 'Line {line} ({key}): {problems}',
		'directoryImport.keys': 'Keys: {keys}',
		'directoryImport.hsdsRefused':
			'The file cannot be imported because it has errors (path in the JSON document: error):',
		'directoryImport.nothing': 'The file has no entries that can be imported.',
		'directoryImport.error.file': 'Please choose a file.',
		'directoryImport.error.tooBig': 'The file is larger than 400 KB.',
		'directoryImport.error.json': 'The file is not valid JSON.',
		'directoryImport.error.empty': 'The file is empty.',
		'directoryImport.error.csv':
			'Line {line}: the file is not readable CSV here (a quotation mark is not closed).',
		'directoryImport.error.columns': 'Line 1: the columns {columns} are missing.',
		'directoryImport.error.tooMany': 'The file has more than {max} lines.',
		'directoryImport.error.key': 'invalid key "{value}" (lower-case letters, digits and single hyphens only)',
		'directoryImport.error.duplicate': 'key already used in line {line}',
		'directoryImport.error.name': 'name missing',
		'directoryImport.error.tooLong': 'name (at most 200 characters) or description (at most 2000) too long',
		'directoryImport.error.scope': 'scope "{value}" is neither "bund" nor "land"',
		'directoryImport.error.land': 'unknown Land "{value}" (expected e.g. DE-NW)',
		'directoryImport.error.landForBund': 'a nationwide entry names no Land',
		'directoryImport.error.kind': 'unknown kind "{value}"',
		'directoryImport.error.topic': 'unknown topics: {value}',
		'directoryImport.error.website': 'invalid website "{value}"',
		'directoryImport.error.year': 'invalid source year "{value}"'
	}
);
