import { afterEach } from 'vitest';
import { openTestServices, type TestServices } from './test-database';

/**
 * Every test that opens TestServices must close them, or databases pile up (and on PostgreSQL
 * are never dropped). Instead of each file writing its own afterEach around its `s`, a file calls
 * this once: after each test, every TestServices still open is closed.
 *
 * ignoreCloseErrors keeps what many route tests did by hand (`s?.close().catch(() => {})`): a
 * close that fails after the test does not fail it.
 */
export function closeServicesAfterEach(options: { ignoreCloseErrors?: boolean } = {}): void {
	afterEach(async () => {
		for (const services of [...openTestServices]) {
			const closing = services.close();
			await (options.ignoreCloseErrors ? closing.catch(() => {}) : closing);
		}
	});
}

/**
 * closeServicesAfterEach, returning the empty slot a test file keeps its services in:
 * `let s = servicesClosedAfterEach();` then `s = await testServices()` in a test.
 */
export function servicesClosedAfterEach(options: { ignoreCloseErrors?: boolean } = {}): TestServices | null {
	closeServicesAfterEach(options);
	return null;
}
