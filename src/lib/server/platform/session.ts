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

/**
 * The session behind a request's cookie, with the rules better-auth leaves to us: a session older
 * than the absolute lifetime ends (whatever its activity), and a suspended account has none.
 * Ending means deleting the row, so the cookie cannot come back.
 */
export async function resolveSession(
	auth: Auth,
	db: DB,
	headers: Headers,
	limits: SessionLimits,
	now = Date.now()
): Promise<{ user: SessionUser; sessionId: string } | null> {
	const found = await auth.api.getSession({ headers });
	if (!found) return null;
	const { session, user } = found;
	const age = now - new Date(session.createdAt).getTime();
	const status = (user as { status?: Status }).status ?? 'applicant';
	if (age > limits.absoluteSeconds * 1000 || status === 'suspended') {
		await db.deleteFrom('sessions').where('id', '=', session.id).execute();
		return null;
	}
	return {
		sessionId: session.id,
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: ((user as { role?: Role }).role ?? 'member') as Role,
			status,
			twoFactorEnabled: Boolean((user as { twoFactorEnabled?: unknown }).twoFactorEnabled)
		}
	};
}
