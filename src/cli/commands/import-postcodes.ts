import { readFile } from 'node:fs/promises';
import { importPostcodes } from '../../lib/server/reference/postcode-import';
import { defineCommand } from '../command';
import { CliExit, readyServices, withServices } from '../context';

/** Prints at each further tenth of the work, so a large file shows life without flooding. */
export function progressPrinter(print: (line: string) => void): (done: number, total: number) => void {
	let lastTenth = -1;
	return (done, total) => {
		if (total <= 0) return;
		const tenth = Math.floor((done / total) * 10);
		if (tenth <= lastTenth) return;
		lastTenth = tenth;
		print(`  ${tenth * 10}% (${done}/${total})`);
	};
}

export default defineCommand({
	name: 'import-postcodes',
	summary: 'PLZ-Tabelle (zuordnung_plz_ort.csv) importieren / import a postcode table',
	positionals: ['FILE'],
	async run(args, io) {
		const file = args.positionals[0]!;
		let text: string;
		try {
			text = await readFile(file, 'utf8');
		} catch (err) {
			throw new CliExit(
				1,
				`Kreativlotse: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`
			);
		}
		return withServices(await readyServices(io), async (s) => {
			io.out(`Importing postcodes from ${file} …`);
			const r = await importPostcodes(s.db, text, {
				now: s.clock.now(),
				onProgress: progressPrinter(io.out)
			});
			io.out(
				`Rows: ${r.rows}, inserted: ${r.inserted}, skipped (already known): ${r.skipped}, postcodes in two or more Länder: ${r.ambiguous}, errors: ${r.errors.length}`
			);
			for (const e of r.errors.slice(0, 10)) io.out(`  line ${e.line}: ${e.reason}`);
			if (r.errors.length > 10) io.out(`  … and ${r.errors.length - 10} more`);
			io.out('Postcode data © OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright)');
			return r.rows === 0 ? 1 : 0;
		});
	}
});
