import pino from 'pino';

/**
 * One JSON object per line (pino): info and debug on stdout, warnings and errors on stderr.
 * LOG_LEVEL (debug, info, warn, error, silent) sets the threshold; KL_DEBUG=1 means debug and
 * KL_QUIET=1 (the test suites) only errors. Callers pass ids and counts, never names, addresses or
 * tokens; the redaction below is the safety net for a field someone adds by mistake.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const REDACTED = ['email', 'password', 'token', 'name', 'phone', 'secret', 'cookie', 'authorization'];

let logger: pino.Logger | null = null;

function instance(): pino.Logger {
	logger ??= pino(
		{
			level: 'debug',
			base: null,
			messageKey: 'msg',
			timestamp: () => `,"t":"${new Date().toISOString()}"`,
			formatters: { level: (label) => ({ level: label }) },
			redact: { paths: [...REDACTED, ...REDACTED.map((f) => `*.${f}`)], censor: '[redacted]' }
		},
		pino.multistream(
			[
				{ level: 'debug', stream: pino.destination({ dest: 1, sync: true }) },
				{ level: 'warn', stream: pino.destination({ dest: 2, sync: true }) }
			],
			{ dedupe: true }
		)
	);
	return logger;
}

const ORDER: Record<Level | 'silent', number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** Read on every call: the test setup switches KL_QUIET on after this module has loaded. */
function threshold(): number {
	if (process.env.KL_QUIET === '1') return ORDER.error;
	if (process.env.KL_DEBUG) return ORDER.debug;
	const level = process.env.LOG_LEVEL as Level | 'silent' | undefined;
	return level && level in ORDER ? ORDER[level] : ORDER.info;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
	if (ORDER[level] < threshold()) return;
	instance()[level](fields, msg);
}

export const log = {
	debug: (msg: string, f?: Record<string, unknown>) => write('debug', msg, f),
	info: (msg: string, f?: Record<string, unknown>) => write('info', msg, f),
	warn: (msg: string, f?: Record<string, unknown>) => write('warn', msg, f),
	error: (msg: string, f?: Record<string, unknown>) => write('error', msg, f)
};
