import { describe, expect, it } from 'vitest';
import { parseCommandArgs, splitCommand, UsageError, usageLine } from './args';
import { progressPrinter } from './commands/import-postcodes';

describe('splitCommand', () => {
	it.each([
		[[], 'help', []],
		[['--'], 'help', []],
		[['--help'], 'help', []],
		[['-h'], 'help', []],
		[['help', 'backup'], 'help', ['backup']],
		[['--', 'backup', 'x.db', '--force'], 'backup', ['x.db', '--force']],
		[['migrate'], 'migrate', []]
	])('%j -> %s %j', (argv, command, rest) => {
		expect(splitCommand(argv)).toEqual({ command, rest });
	});
});

describe('parseCommandArgs', () => {
	const createAdmin = {
		options: {
			email: { type: 'string' as const, description: '' },
			name: { type: 'string' as const, description: '' }
		},
		required: ['email', 'name']
	};
	const backup = {
		positionals: ['PATH'],
		options: { force: { type: 'boolean' as const, description: '' } }
	};

	it('reads string options with a space or an equals sign', () => {
		expect(parseCommandArgs(['--email', 'a@b.de', '--name=Ada Lovelace'], createAdmin)).toEqual({
			positionals: [],
			options: { email: 'a@b.de', name: 'Ada Lovelace' }
		});
	});

	it('reads positionals and boolean flags in any order', () => {
		expect(parseCommandArgs(['--force', 'backup.db'], backup)).toEqual({
			positionals: ['backup.db'],
			options: { force: true }
		});
		expect(parseCommandArgs(['backup.db'], backup).options.force).toBeUndefined();
	});

	it.each([
		[['--email', 'a@b.de'], createAdmin, '--name is required'],
		[['--email', 'a@b.de', '--name', '  '], createAdmin, '--name is required'],
		[['--email'], createAdmin, '--email needs a value'],
		[['--mail', 'a@b.de'], createAdmin, 'unknown option --mail'],
		[[], backup, 'missing PATH'],
		[['a.db', 'b.db'], backup, 'unexpected argument: b.db'],
		[['a.db', '--force=yes'], backup, undefined]
	])('%j is a usage error', (argv, spec, message) => {
		expect(() => parseCommandArgs(argv, spec)).toThrow(UsageError);
		if (message) expect(() => parseCommandArgs(argv, spec)).toThrow(message);
	});

	it('writes usage lines', () => {
		expect(usageLine('create-admin', createAdmin)).toBe('create-admin --email EMAIL --name NAME');
		expect(usageLine('backup', backup)).toBe('backup PATH [--force]');
		expect(usageLine('demo-logins', { options: { json: { type: 'boolean', description: '' } } })).toBe(
			'demo-logins [--json]'
		);
	});
});

describe('progressPrinter', () => {
	it('prints once per further tenth', () => {
		const lines: string[] = [];
		const progress = progressPrinter((l) => lines.push(l));
		for (let done = 0; done <= 1000; done += 50) progress(done, 1000);
		expect(lines).toEqual([
			'  0% (0/1000)',
			'  10% (100/1000)',
			'  20% (200/1000)',
			'  30% (300/1000)',
			'  40% (400/1000)',
			'  50% (500/1000)',
			'  60% (600/1000)',
			'  70% (700/1000)',
			'  80% (800/1000)',
			'  90% (900/1000)',
			'  100% (1000/1000)'
		]);
	});
	it('ignores an empty total', () => {
		const lines: string[] = [];
		progressPrinter((l) => lines.push(l))(0, 0);
		expect(lines).toEqual([]);
	});
});
