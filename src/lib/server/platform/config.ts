import { z } from 'zod';
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from './database-url';

/**
 * The whole configuration, validated once at boot. A bad value stops the process with one
 * line naming the variable (see `formatConfigError`), so a misconfigured instance never
 * half-starts.
 */
export interface Config {
	production: boolean;
	database: DatabaseTarget;
	databaseUrl: string;
	origin: string;
	publicBaseUrl: string;
	port: number;
	host: string;
	smtpUrl: string | null;
	mailFrom: string;
	secretKey: string | null;
	cookieSecure: boolean;
	sessionIdleMinutes: number;
	sessionAbsoluteHours: number;
	seedDemo: boolean;
	mailWorker: boolean;
	mailMaxAttempts: number;
	loginAccountLimit: number;
	loginAddressLimit: number;
	publicFormLimit: number;
	/** JSON API requests per client address and minute. */
	apiRateLimit: number;
	networkContact: string;
	/** Open first consultations (held or confirmed, in the future) per e-mail address, network-wide. */
	firstBookingLimit: number;
	/** Base of the per-booking video link; the booking appends a random id. */
	videoBaseUrl: string;
	/** Largest attachment of a message in the case (issue 18), in bytes. */
	attachmentMaxBytes: number;
	/** Bearer token for GET /metrics; without it /metrics answers only loopback clients. */
	metricsToken: string | null;
	/** Reply-To of mails without a responsible office (the network's address). */
	mailReplyTo: string | null;
	/** Domain of Message-ID headers (default: the domain of MAIL_FROM). */
	mailDomain: string;
	/** Retention periods overridden by the operator (RETENTION_DAYS=key=days,…), privacy/retention-rules.ts. */
	retentionDays: Record<string, number>;
	/** The data protection officer's contact named in the privacy notice (DPO_CONTACT). */
	dpoContact: string | null;
	/** The licence of the open data served by /api/v1, named in its OpenAPI document (API_DATA_LICENSE[_URL]). */
	apiDataLicense: { name: string; url: string };
}

/** The licence of the API's data unless the operator names another: the German open data licence. */
export const DEFAULT_API_DATA_LICENSE = {
	name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
	url: 'https://www.govdata.de/dl-de/by-2-0'
};

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		readonly problem: string
	) {
		super(`${variable} ${problem}`);
	}
}

const bool = (name: string) =>
	z
		.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
			error: () => `must be true or false`
		})
		.transform((v) => ['true', '1', 'yes', 'on'].includes(v))
		.describe(name);

const int = (min: number, max: number) =>
	z.coerce
		.number({ error: () => `must be a whole number` })
		.int({ error: () => `must be a whole number` })
		.min(min, { error: () => `must be at least ${min}` })
		.max(max, { error: () => `must be at most ${max}` });

const url = z.url({ protocol: /^https?$/, error: () => 'must be an http(s) URL' });

const schema = z.object({
	NODE_ENV: z.string().optional(),
	DATABASE_URL: z.string().default('sqlite:./data/kreativlotse.db'),
	PORT: int(1, 65535).default(3000),
	HOST: z.string().min(1).default('127.0.0.1'),
	ORIGIN: url.optional(),
	PUBLIC_BASE_URL: url.optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, { error: () => 'must start with smtp:// or smtps://' })
		.optional(),
	MAIL_FROM: z
		.string()
		.regex(/^[^\r\n]+$/, { error: () => 'must be one line' })
		.default('Kreativlotse <no-reply@kreativlotse.invalid>'),
	SECRET_KEY: z
		.string()
		.min(32, { error: () => 'must be at least 32 characters' })
		.optional(),
	COOKIE_SECURE: bool('COOKIE_SECURE').optional(),
	SESSION_IDLE_MINUTES: int(5, 24 * 60).default(30),
	SESSION_ABSOLUTE_HOURS: int(1, 24 * 14).default(10),
	SEED_DEMO: bool('SEED_DEMO').optional(),
	MAIL_WORKER: bool('MAIL_WORKER').default(true),
	MAIL_MAX_ATTEMPTS: int(1, 50).default(8),
	LOGIN_ACCOUNT_LIMIT: int(1, 1000).default(5),
	LOGIN_ADDRESS_LIMIT: int(1, 10000).default(30),
	PUBLIC_FORM_LIMIT: int(1, 100000).default(20),
	API_RATE_LIMIT: int(1, 1000000).default(60),
	NETWORK_CONTACT: z.string().default('barrierefreiheit@kreativlotse.invalid'),
	FIRST_BOOKING_LIMIT: int(1, 100).default(1),
	VIDEO_BASE_URL: url.optional(),
	ATTACHMENT_MAX_MB: int(1, 50).default(10),
	METRICS_TOKEN: z
		.string()
		.min(16, { error: () => 'must be at least 16 characters' })
		.optional(),
	MAIL_REPLY_TO: z
		.string()
		.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, { error: () => 'must be an e-mail address' })
		.optional(),
	MAIL_DOMAIN: z
		.string()
		.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: () => 'must be a domain name' })
		.optional(),
	LOG_LEVEL: z
		.enum(['debug', 'info', 'warn', 'error', 'silent'], {
			error: () => 'must be debug, info, warn, error or silent'
		})
		.optional(),
	RETENTION_DAYS: z
		.string()
		.regex(/^\s*[a-z_]+=\d{1,5}\s*(,\s*[a-z_]+=\d{1,5}\s*)*$/, {
			error: () => 'must look like bookings_past=365,mails=90'
		})
		.optional(),
	DPO_CONTACT: z.string().max(300).optional(),
	API_DATA_LICENSE: z
		.string()
		.max(200, { error: () => 'must be at most 200 characters' })
		.regex(/^[^\r\n]+$/, { error: () => 'must be one line' })
		.optional(),
	API_DATA_LICENSE_URL: url.optional()
});

function parseRetentionDays(value: string | undefined): Record<string, number> {
	if (!value) return {};
	return Object.fromEntries(
		value.split(',').map((pair) => {
			const [key, days] = pair.split('=');
			return [key!.trim(), Number(days!.trim())];
		})
	);
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
	// Empty strings count as unset: `FOO= npm start` should mean "default", not "invalid".
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const parsed = schema.safeParse(cleaned);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new ConfigError(String(issue.path[0] ?? 'configuration'), issue.message);
	}
	const e = parsed.data;
	const production = e.NODE_ENV === 'production';
	let database: DatabaseTarget;
	try {
		database = parseDatabaseUrl(e.DATABASE_URL);
	} catch (err) {
		if (err instanceof DatabaseUrlError) throw new ConfigError('DATABASE_URL', err.message);
		throw err;
	}
	if (production && !e.ORIGIN) throw new ConfigError('ORIGIN', 'must be set in production');
	if (production && !e.SECRET_KEY) throw new ConfigError('SECRET_KEY', 'must be set in production');
	// A licence named by the operator needs its own address; the default's would misname it.
	if (e.API_DATA_LICENSE && !e.API_DATA_LICENSE_URL)
		throw new ConfigError('API_DATA_LICENSE_URL', 'must be set when API_DATA_LICENSE is');
	if (production && e.SEED_DEMO) throw new ConfigError('SEED_DEMO', 'must not be true in production');
	const origin = (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
	return {
		production,
		database,
		databaseUrl: e.DATABASE_URL,
		origin,
		publicBaseUrl: (e.PUBLIC_BASE_URL ?? origin).replace(/\/$/, ''),
		port: e.PORT,
		host: e.HOST,
		smtpUrl: e.SMTP_URL ?? null,
		mailFrom: e.MAIL_FROM,
		secretKey: e.SECRET_KEY ?? null,
		cookieSecure: e.COOKIE_SECURE ?? (production || origin.startsWith('https://')),
		sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
		sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
		seedDemo: !production && (e.SEED_DEMO ?? true),
		mailWorker: e.MAIL_WORKER,
		mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
		loginAccountLimit: e.LOGIN_ACCOUNT_LIMIT,
		loginAddressLimit: e.LOGIN_ADDRESS_LIMIT,
		publicFormLimit: e.PUBLIC_FORM_LIMIT,
		apiRateLimit: e.API_RATE_LIMIT,
		networkContact: e.NETWORK_CONTACT,
		firstBookingLimit: e.FIRST_BOOKING_LIMIT,
		// Without a video service each booking gets a placeholder link that says so (booking/video-link.ts).
		videoBaseUrl: (
			e.VIDEO_BASE_URL ?? `${(e.PUBLIC_BASE_URL ?? origin).replace(/\/$/, '')}/video/platzhalter`
		).replace(/\/$/, ''),
		attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
		metricsToken: e.METRICS_TOKEN ?? null,
		mailReplyTo: e.MAIL_REPLY_TO ?? null,
		mailDomain: e.MAIL_DOMAIN ?? /@([^>\s]+)>?\s*$/.exec(e.MAIL_FROM)?.[1] ?? 'kreativlotse.invalid',
		retentionDays: parseRetentionDays(e.RETENTION_DAYS),
		dpoContact: e.DPO_CONTACT ?? null,
		apiDataLicense: {
			name: e.API_DATA_LICENSE ?? DEFAULT_API_DATA_LICENSE.name,
			url: e.API_DATA_LICENSE_URL ?? DEFAULT_API_DATA_LICENSE.url
		}
	};
}

/** The one line printed before a non-zero exit. */
export function formatConfigError(err: ConfigError): string {
	return `Kreativlotse: configuration error: ${err.variable} ${err.problem}`;
}
