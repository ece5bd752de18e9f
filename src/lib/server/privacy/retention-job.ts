import { hostname } from 'node:os';
import { HOUR } from '../../time/durations';
import { claimLease } from '../db/lease';
import type { Services } from '../runtime';
import { runRetention } from './retention';

/**
 * The retention run as a periodic job on every instance: whichever instance claims the hourly
 * lease runs it; the others skip. Returns how many rows were deleted or anonymised (0 when
 * another instance holds the lease).
 */
export async function retentionJob(
	services: Pick<Services, 'db' | 'clock' | 'config'>,
	holder = `${hostname()}:${process.pid}`
): Promise<number> {
	if (!(await claimLease(services.db, 'retention', holder, services.clock.now(), HOUR))) return 0;
	const report = await runRetention(services);
	return report.lines.reduce((sum, l) => sum + l.count, 0);
}
