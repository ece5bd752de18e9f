import { rebuildStatistics } from '../../lib/server/statistics/rebuild';
import { defineCommand } from '../command';
import { readyServices, withServices } from '../context';

export default defineCommand({
	name: 'stats-rebuild',
	summary:
		'Statistik-Fakten aus Buchungen und Gesprächsnotizen neu aufbauen / rebuild the statistics facts from bookings and records',
	async run(_args, io) {
		return withServices(await readyServices(io), async (s) => {
			await rebuildStatistics(s.db, { now: s.clock.now().getTime(), progress: (line) => io.out(line) });
			return 0;
		});
	}
});
