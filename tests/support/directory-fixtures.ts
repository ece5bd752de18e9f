import { afterEach } from 'vitest';
import { seedDirectory } from '../../src/lib/server/directory/seed';
import { setServices } from '../../src/lib/server/runtime';
import { closeServicesAfterEach } from './services-per-test';
import { type TestServices, testServices } from './test-database';

/**
 * The directory tests only read the seeded directory, so a test opens it on its first request
 * (`await ready()`) and every later request of the same test reads the same database; after
 * each test it is closed and the next test seeds a fresh one.
 */
export function seededDirectoryPerTest(): (env?: Record<string, string>) => Promise<TestServices> {
	let s: TestServices | null = null;
	closeServicesAfterEach({ ignoreCloseErrors: true });
	afterEach(() => {
		s = null;
	});
	return async (env = {}) => {
		if (!s) {
			s = await testServices({ env });
			setServices(s);
			await seedDirectory(s.db, s.clock.now());
		}
		return s;
	};
}
