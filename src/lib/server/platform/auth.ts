import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { DB, DialectName } from '../db';
import { passwordResetMail, verificationMail } from './auth-mails';
import type { Config } from './config';
import { queueMail } from './mail';

/** Session lifetimes: an idle session ends after IDLE, any session after ABSOLUTE (seconds). */
export interface SessionLimits {
	idleSeconds: number;
	absoluteSeconds: number;
}

export interface AuthOptions {
	db: DB;
	dialect: DialectName;
	config: Pick<Config, 'origin' | 'https'>;
	secret: string;
	limits: SessionLimits;
	/** Runs after an address is verified, whichever link was used (applicants are settled here). */
	onEmailVerified?: (userId: string) => Promise<void>;
	/** SvelteKit's getRequestEvent, so form actions that call the server API can set cookies. */
	getRequestEvent?: () => RequestEvent;
}

/**
 * better-auth on the app's own Kysely instance, mounted at /api/auth. Tables and columns are
 * ours (snake_case); better-auth is told their names here. The app calls it through `auth.api`
 * from its own forms (with our rate limits and password policy); over HTTP only the links in our
 * e-mails reach it (platform/auth-routes.ts, checked in hooks.server.ts).
 *
 * Both dialects are handed to better-auth as 'sqlite': the app reads timestamps as ISO strings
 * and booleans as 0/1 on both (see db/index.ts), and that is exactly what better-auth converts
 * from and to when it believes it talks to SQLite (PostgreSQL accepts '1'/'0' for booleans and
 * ISO strings for timestamptz). Declaring 'postgres' would make it compare ISO strings with
 * Dates, and expired sessions would never expire.
 */
export function createAuth(options: AuthOptions) {
	const { db, config, limits } = options;
	const ts = { createdAt: 'created_at', updatedAt: 'updated_at' };
	return betterAuth({
		appName: 'Kennisnetwerk',
		baseURL: config.origin,
		basePath: '/api/auth',
		secret: options.secret,
		trustedOrigins: [config.origin],
		database: { db, type: 'sqlite' },
		user: {
			modelName: 'users',
			fields: { emailVerified: 'email_verified', ...ts },
			additionalFields: {
				role: { type: 'string', input: false, defaultValue: 'member' },
				status: { type: 'string', input: false, defaultValue: 'applicant' },
				is_demo: { type: 'boolean', input: false, defaultValue: false }
			}
		},
		session: {
			modelName: 'sessions',
			fields: {
				userId: 'user_id',
				expiresAt: 'expires_at',
				ipAddress: 'ip_address',
				userAgent: 'user_agent',
				...ts
			},
			// Sliding expiry is the idle timeout; hooks.server.ts enforces the absolute lifetime.
			expiresIn: limits.idleSeconds,
			updateAge: Math.min(24 * 3600, Math.floor(limits.idleSeconds / 7)),
			// No cookie cache: a suspended member's next request already finds no session.
			cookieCache: { enabled: false }
		},
		account: {
			modelName: 'accounts',
			fields: {
				accountId: 'account_id',
				providerId: 'provider_id',
				userId: 'user_id',
				accessToken: 'access_token',
				refreshToken: 'refresh_token',
				idToken: 'id_token',
				accessTokenExpiresAt: 'access_token_expires_at',
				refreshTokenExpiresAt: 'refresh_token_expires_at',
				...ts
			}
		},
		verification: {
			modelName: 'verifications',
			fields: { expiresAt: 'expires_at', ...ts }
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			autoSignIn: false,
			minPasswordLength: 12,
			// Code points can take two UTF-16 units; the policy (features/accounts) caps at 256 code points.
			maxPasswordLength: 1024,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 3600,
			sendResetPassword: async ({ user, url }) => {
				await queueMail(db, {
					to: user.email,
					kind: 'password_reset',
					...passwordResetMail(user.name, url)
				});
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: false,
			expiresIn: 24 * 3600,
			afterEmailVerification: async (user) => {
				await options.onEmailVerified?.(user.id);
			},
			sendVerificationEmail: async ({ user, url }) => {
				await queueMail(db, {
					to: user.email,
					kind: 'verification',
					...verificationMail(user.name, url)
				});
			}
		},
		// Our own limits (platform/rate-limit.ts) hold across processes; better-auth's are per process.
		rateLimit: { enabled: false },
		advanced: {
			cookiePrefix: 'kn',
			useSecureCookies: config.https,
			database: {
				generateId: () => randomUUID(),
				// Our migrations own the schema (db/migrations, checked by the integration tests).
				// better-auth's own check would introspect as SQLite (we name both dialects so) and,
				// on PostgreSQL, read every schema of the database on the first request.
				validateSchema: false
			},
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.https }
		},
		plugins: [
			twoFactor({
				issuer: 'Kennisnetwerk',
				schema: {
					user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
					twoFactor: {
						modelName: 'two_factors',
						fields: {
							userId: 'user_id',
							backupCodes: 'backup_codes',
							failedVerificationCount: 'failed_verification_count',
							lockedUntil: 'locked_until'
						}
					}
				}
			}),
			// Must be last: it copies better-auth's Set-Cookie headers onto SvelteKit's response.
			...(options.getRequestEvent ? [sveltekitCookies(options.getRequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
