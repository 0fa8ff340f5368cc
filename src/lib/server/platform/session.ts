import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DB } from '../db';
import type { Auth, SessionLimits } from './auth';

export type Role = 'member' | 'editor' | 'admin';
export type Status = 'applicant' | 'active' | 'suspended';

/** The signed-in person as pages and the API see them (never the raw better-auth objects). */
export interface SessionUser {
	id: string;
	name: string;
	email: string;
	role: Role;
	status: Status;
	twoFactorEnabled: boolean;
}

interface Found {
	sessionId: string;
	createdAt: string;
	user: SessionUser;
}

/**
 * The session behind a request's cookie, with the rules better-auth leaves to us: a session older
 * than the absolute lifetime ends (whatever its activity), and a suspended account has none.
 * Ending means deleting the row, so the cookie cannot come back.
 *
 * Every request reads the session row (nothing about a session is remembered in the process, so
 * signing out, suspension or "sign out everywhere" in any process counts on the next request).
 * The common case, a valid signed cookie of a session that is neither expired nor due for its
 * sliding refresh, is read here in one query; everything else (no or a bad cookie, an expired
 * session, a refresh that writes the row and the cookie, a leftover cookie cache) goes through
 * better-auth's own getSession, exactly as before.
 */
export async function resolveSession(
	auth: Auth,
	db: DB,
	headers: Headers,
	limits: SessionLimits,
	now = Date.now()
): Promise<{ user: SessionUser; sessionId: string } | null> {
	const read = await readValidSession(auth, db, headers);
	const found = read === 'none' ? null : (read ?? (await viaBetterAuth(auth, headers)));
	if (!found) return null;
	const age = now - new Date(found.createdAt).getTime();
	if (age > limits.absoluteSeconds * 1000 || found.user.status === 'suspended') {
		await db.deleteFrom('sessions').where('id', '=', found.sessionId).execute();
		return null;
	}
	return { sessionId: found.sessionId, user: found.user };
}

async function viaBetterAuth(auth: Auth, headers: Headers): Promise<Found | null> {
	const found = await auth.api.getSession({ headers });
	if (!found) return null;
	const { session, user } = found;
	return {
		sessionId: session.id,
		createdAt: new Date(session.createdAt).toISOString(),
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: ((user as { role?: Role }).role ?? 'member') as Role,
			status: (user as { status?: Status }).status ?? 'applicant',
			twoFactorEnabled: Boolean((user as { twoFactorEnabled?: unknown }).twoFactorEnabled)
		}
	};
}

interface CookieSettings {
	/** The session cookie's name (with its prefix, e.g. `kn.session_token`). */
	token: string;
	/** The cookie cache's name (disabled here; a leftover one is cleared by better-auth). */
	data: string;
	secret: string;
	/** Seconds: the sliding expiry, and how old the last refresh may be before the next. */
	expiresIn: number;
	updateAge: number;
}

const settingsOf = new WeakMap<Auth, Promise<CookieSettings>>();

/** better-auth's own cookie names, secret and session ages, read once per instance. */
function cookieSettings(auth: Auth): Promise<CookieSettings> {
	let settings = settingsOf.get(auth);
	if (!settings) {
		settings = auth.$context.then((context) => ({
			token: context.authCookies.sessionToken.name,
			data: context.authCookies.sessionData.name,
			secret: context.secret,
			expiresIn: context.sessionConfig.expiresIn,
			updateAge: context.sessionConfig.updateAge
		}));
		settingsOf.set(auth, settings);
	}
	return settings;
}

/** A signature as better-auth writes it: base64 of an HMAC-SHA256 (32 bytes). */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The session of a validly signed cookie when nothing but reading it is needed: found, with its
 * account, not expired and not due for a refresh. 'none' when the request has no cookie of
 * better-auth's at all (a visitor: there is nothing to read or clear). Null means "ask
 * better-auth", not "no session".
 */
async function readValidSession(
	auth: Auth,
	db: DB,
	headers: Headers
): Promise<Found | 'none' | null> {
	const header = headers.get('cookie');
	if (!header) return 'none';
	const settings = await cookieSettings(auth);
	const cookies = parseCookies(header);
	for (const name of cookies.keys()) if (name.startsWith(settings.data)) return null;
	const cookie = cookies.get(settings.token);
	if (cookie === undefined) return 'none';
	const token = verifiedValue(cookie, settings.secret);
	if (!token) return null;
	const row = await db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select([
			's.id as session_id',
			's.created_at as session_created_at',
			's.expires_at',
			'u.id',
			'u.name',
			'u.email',
			'u.role',
			'u.status',
			'u.two_factor_enabled'
		])
		.where('s.token', '=', token)
		.executeTakeFirst();
	if (!row) return null;
	// better-auth's rules: expired when expiresAt is past; refreshed (a write and a new cookie)
	// once expiresAt - expiresIn + updateAge is reached. Both are left to it.
	const expiresAt = new Date(row.expires_at).getTime();
	const current = Date.now();
	if (!(expiresAt >= current)) return null;
	if (expiresAt - settings.expiresIn * 1000 + settings.updateAge * 1000 <= current) return null;
	return {
		sessionId: row.session_id,
		createdAt: row.session_created_at,
		user: {
			id: row.id,
			name: row.name,
			email: row.email,
			role: (row.role ?? 'member') as Role,
			status: (row.status ?? 'applicant') as Status,
			twoFactorEnabled: Boolean(row.two_factor_enabled)
		}
	};
}

/** The value of a `value.signature` cookie when the signature is right; otherwise null. */
export function verifiedValue(cookie: string | undefined, secret: string): string | null {
	if (!cookie) return null;
	const dot = cookie.lastIndexOf('.');
	if (dot < 1) return null;
	const signature = cookie.slice(dot + 1);
	if (!SIGNATURE.test(signature)) return null;
	const value = cookie.slice(0, dot);
	const expected = createHmac('sha256', secret).update(value).digest();
	const given = Buffer.from(signature, 'base64');
	return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** A Cookie header as better-auth reads it: the first of a repeated name wins, values decoded. */
export function parseCookies(header: string): Map<string, string> {
	const cookies = new Map<string, string>();
	let index = 0;
	while (index < header.length) {
		const eq = header.indexOf('=', index);
		if (eq === -1) break;
		let end = header.indexOf(';', index);
		if (end === -1) end = header.length;
		else if (end < eq) {
			index = header.lastIndexOf(';', eq - 1) + 1;
			continue;
		}
		const key = header.slice(index, eq).trim();
		if (!cookies.has(key)) {
			let value = header.slice(eq + 1, end).trim();
			if (value.codePointAt(0) === 34) value = value.slice(1, -1);
			cookies.set(key, decode(value));
		}
		index = end + 1;
	}
	return cookies;
}

function decode(value: string): string {
	if (!value.includes('%')) return value;
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
