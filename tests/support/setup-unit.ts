import { afterEach, beforeEach, vi } from 'vitest';

// A stray console.error means something went wrong that no assertion looked at: fail the test.
let errors: unknown[][] = [];
beforeEach(() => {
	errors = [];
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		errors.push(args);
	});
	process.env.KL_QUIET = '1';
});
afterEach(() => {
	vi.restoreAllMocks();
	if (errors.length > 0) throw new Error(`console.error was called: ${JSON.stringify(errors[0])}`);
});
