import { afterEach, describe, expect, it } from 'vitest';
import { e2eClockEnabled } from './boot';
import { offsetClock } from './platform/clock';

const saved = { e2e: process.env.KL_E2E, env: process.env.NODE_ENV };
// Assigning undefined to process.env stores the string "undefined": delete instead.
const restore = (name: 'KL_E2E' | 'NODE_ENV', value: string | undefined) => {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
};
afterEach(() => {
	restore('KL_E2E', saved.e2e);
	restore('NODE_ENV', saved.env);
});

describe('the movable clock exists only for the end-to-end suite', () => {
	it.each([
		{ e2e: '1', nodeEnv: 'test', production: false, enabled: true },
		{ e2e: undefined, nodeEnv: 'test', production: false, enabled: false },
		{ e2e: '0', nodeEnv: 'test', production: false, enabled: false },
		{ e2e: '1', nodeEnv: 'test', production: true, enabled: false },
		{ e2e: '1', nodeEnv: 'production', production: false, enabled: false }
	])(
		'KL_E2E=$e2e NODE_ENV=$nodeEnv production=$production → $enabled',
		({ e2e, nodeEnv, production, enabled }) => {
			if (e2e === undefined) delete process.env.KL_E2E;
			else process.env.KL_E2E = e2e;
			process.env.NODE_ENV = nodeEnv;
			expect(e2eClockEnabled(production)).toBe(enabled);
		}
	);

	it('moves by an offset and goes back', () => {
		const clock = offsetClock();
		const before = clock.now().getTime();
		clock.advance(28 * 86_400_000);
		expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(28 * 86_400_000);
		expect(clock.offsetMs()).toBe(28 * 86_400_000);
		clock.reset();
		expect(clock.offsetMs()).toBe(0);
		expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
	});
});
