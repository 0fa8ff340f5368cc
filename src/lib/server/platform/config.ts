import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment, validated once at start. A wrong value yields one line
 * naming the variable and the reason; callers print it and exit with code 1.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const boolish = (name: string, fallback: boolean) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v === '') return fallback;
			const s = v.trim().toLowerCase();
			if (['1', 'true', 'yes', 'ja', 'on'].includes(s)) return true;
			if (['0', 'false', 'no', 'nee', 'off'].includes(s)) return false;
			ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${v}"` });
			return z.NEVER;
		});

const intIn = (name: string, min: number, max: number, fallback: number) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v.trim() === '') return fallback;
			if (!/^\d+$/.test(v.trim())) {
				ctx.addIssue({ code: 'custom', message: `${name} must be a whole number, got "${v}"` });
				return z.NEVER;
			}
			const n = Number(v);
			if (n < min || n > max) {
				ctx.addIssue({
					code: 'custom',
					message: `${name} must be between ${min} and ${max}, got ${n}`
				});
				return z.NEVER;
			}
			return n;
		});

const urlWithScheme = (name: string, schemes: string[]) =>
	z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (v === undefined || v.trim() === '') return undefined;
			let url: URL;
			try {
				url = new URL(v.trim());
			} catch {
				ctx.addIssue({ code: 'custom', message: `${name} is not a valid URL` });
				return z.NEVER;
			}
			if (!schemes.includes(url.protocol)) {
				ctx.addIssue({
					code: 'custom',
					message: `${name} must start with ${schemes.map((s) => s + '//').join(' or ')}, got "${url.protocol}//"`
				});
				return z.NEVER;
			}
			return v.trim();
		});

const envSchema = z.object({
	PORT: intIn('PORT', 1, 65535, 3000),
	HOST: z.string().optional().default('0.0.0.0'),
	ORIGIN: urlWithScheme('ORIGIN', ['http:', 'https:']),
	DATA_DIR: z.string().optional(),
	DATABASE_URL: urlWithScheme('DATABASE_URL', ['postgres:', 'postgresql:']),
	SMTP_URL: urlWithScheme('SMTP_URL', ['smtp:', 'smtps:']),
	LOG_LEVEL: z
		.string()
		.optional()
		.transform((v, ctx) => {
			const level = (v ?? '').trim().toLowerCase() || 'info';
			if (!(LOG_LEVELS as readonly string[]).includes(level)) {
				ctx.addIssue({
					code: 'custom',
					message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${v}"`
				});
				return z.NEVER;
			}
			return level as (typeof LOG_LEVELS)[number];
		}),
	WORKERS: intIn('WORKERS', 1, 64, 1),
	SEED_DEMO: boolish('SEED_DEMO', true),
	JOBS_IN_PROCESS: boolish('JOBS_IN_PROCESS', true),
	ADMIN_EMAIL: z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v?.trim()) return undefined;
			if (!z.email().safeParse(v.trim()).success) {
				ctx.addIssue({ code: 'custom', message: `ADMIN_EMAIL is not a valid e-mail address` });
				return z.NEVER;
			}
			return v.trim().toLowerCase();
		}),
	ADMIN_PASSWORD: z.string().optional(),
	DEMO_PASSWORD: z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v) return undefined;
			if (v.length < 12) {
				ctx.addIssue({
					code: 'custom',
					message: 'DEMO_PASSWORD must be at least 12 characters long'
				});
				return z.NEVER;
			}
			return v;
		}),
	SHUTDOWN_TIMEOUT: intIn('SHUTDOWN_TIMEOUT', 1, 600, 30),
	SESSION_IDLE_DAYS: intIn('SESSION_IDLE_DAYS', 1, 365, 7),
	SESSION_ABSOLUTE_DAYS: intIn('SESSION_ABSOLUTE_DAYS', 1, 3650, 30),
	AUTH_SECRET: z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v) return undefined;
			if (v.length < 32) {
				ctx.addIssue({
					code: 'custom',
					message: 'AUTH_SECRET must be at least 32 characters long'
				});
				return z.NEVER;
			}
			return v;
		}),
	// The largest attachment accepted, in megabytes (knowledge items, event materials).
	ATTACHMENT_MAX_MB: intIn('ATTACHMENT_MAX_MB', 1, 1024, 25),
	// How many proxies of ours stand in front of the app: X-Forwarded-For is believed for that many
	// hops and no further (see platform/client-address.ts). Off by default: without a proxy the
	// header is whatever the client wants it to be. "true" means one proxy, the usual set-up.
	TRUST_PROXY: z
		.string()
		.optional()
		.transform((v, ctx) => {
			const s = (v ?? '').trim().toLowerCase();
			if (['', '0', 'false', 'no', 'nee', 'off'].includes(s)) return 0;
			if (['true', 'yes', 'ja', 'on'].includes(s)) return 1;
			if (/^\d+$/.test(s) && Number(s) <= 10) return Number(s);
			ctx.addIssue({
				code: 'custom',
				message: `TRUST_PROXY must be false or the number of proxies in front of the app (1 to 10), got "${v}"`
			});
			return z.NEVER;
		})
});

export interface Config {
	port: number;
	host: string;
	origin: string;
	https: boolean;
	dataDir: string;
	databaseUrl: string | undefined;
	dialect: 'sqlite' | 'postgres';
	smtpUrl: string | undefined;
	logLevel: (typeof LOG_LEVELS)[number];
	workers: number;
	seedDemo: boolean;
	/** Run the jobs worker inside each app process (default); false when `npm run worker` runs it. */
	jobsInProcess: boolean;
	adminEmail: string | undefined;
	adminPassword: string | undefined;
	demoPassword: string | undefined;
	shutdownTimeoutSeconds: number;
	sessionIdleSeconds: number;
	sessionAbsoluteSeconds: number;
	authSecret: string | undefined;
	/** Proxies in front of the app whose X-Forwarded-For entries are believed; 0 = none. */
	trustProxy: number;
	/** The largest attachment accepted, in bytes. */
	attachmentMaxBytes: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

export function parseConfig(
	env: Record<string, string | undefined>,
	cwd = process.cwd()
): ConfigResult {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const variable = issue?.path[0] ? String(issue.path[0]) : 'environment';
		const message = issue?.message ?? 'invalid value';
		return {
			ok: false,
			message: `Configuration error: ${message.startsWith(variable) ? message : `${variable}: ${message}`}`
		};
	}
	const e = parsed.data;
	const origin = (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
	return {
		ok: true,
		config: {
			port: e.PORT,
			host: e.HOST,
			origin,
			https: origin.startsWith('https:'),
			dataDir: path.resolve(cwd, e.DATA_DIR?.trim() || './data'),
			databaseUrl: e.DATABASE_URL,
			dialect: e.DATABASE_URL ? 'postgres' : 'sqlite',
			smtpUrl: e.SMTP_URL,
			logLevel: e.LOG_LEVEL,
			workers: e.WORKERS,
			seedDemo: e.SEED_DEMO,
			jobsInProcess: e.JOBS_IN_PROCESS,
			adminEmail: e.ADMIN_EMAIL,
			adminPassword: e.ADMIN_PASSWORD,
			demoPassword: e.DEMO_PASSWORD,
			shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT,
			sessionIdleSeconds: e.SESSION_IDLE_DAYS * 86400,
			sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_DAYS * 86400,
			authSecret: e.AUTH_SECRET,
			trustProxy: e.TRUST_PROXY,
			attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024
		}
	};
}

let cached: Config | undefined;

/** The process's configuration; throws with the one-line message when the environment is wrong. */
export function getConfig(): Config {
	if (cached) return cached;
	const result = parseConfig(process.env);
	if (!result.ok) throw new Error(result.message);
	cached = result.config;
	return cached;
}
