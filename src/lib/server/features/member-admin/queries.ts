import type { DB } from '../../db';
import { containsLike, likePattern } from '../../db/like';
import type { MemberSearch } from './schema';

export const MEMBER_PAGE_SIZE = 25;

/**
 * The admins' member list: every account (applicants, members, suspended), filtered by status
 * and role and searched by name, e-mail address and organisation. Several words must each match
 * one of those. Sorted by name; a page past the end yields the last page.
 */
export async function searchMembers(db: DB, search: MemberSearch, pageSize = MEMBER_PAGE_SIZE) {
	let query = db
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id');
	if (search.status) query = query.where('u.status', '=', search.status);
	if (search.rol) query = query.where('u.role', '=', search.rol);
	for (const word of search.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
		const pattern = likePattern(word);
		query = query.where((eb) =>
			eb.or([
				containsLike('u.name', pattern),
				containsLike('u.email', pattern),
				containsLike('o.name', pattern)
			])
		);
	}
	const { total } = await query
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(search.pagina, pageCount);
	const rows = await query
		.select([
			'u.id',
			'u.name',
			'u.email',
			'u.role',
			'u.status',
			'u.email_verified',
			'u.two_factor_enabled',
			'u.created_at',
			'o.name as organisation_name'
		])
		.orderBy('u.name')
		.orderBy('u.id')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows, total: Number(total), page, pageCount };
}

export type MemberListRow = Awaited<ReturnType<typeof searchMembers>>['rows'][number];

/** One account as the admin page shows it, with its sessions, tokens and application. */
export async function memberForAdmin(db: DB, userId: string) {
	const user = await db
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.leftJoin('field_roles as r', 'r.id', 'u.field_role_id')
		.leftJoin('applications as a', 'a.user_id', 'u.id')
		.select([
			'u.id',
			'u.name',
			'u.email',
			'u.role',
			'u.status',
			'u.email_verified',
			'u.two_factor_enabled',
			'u.suspended_at',
			'u.suspension_reason',
			'u.created_at',
			'o.name as organisation_name',
			'p.name as province_name',
			'r.name as field_role_name',
			'a.decision',
			'a.decided_at'
		])
		.where('u.id', '=', userId)
		.executeTakeFirst();
	if (!user) return undefined;
	const now = new Date().toISOString();
	const [sessions, tokens] = await Promise.all([
		db
			.selectFrom('sessions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('user_id', '=', userId)
			.where('expires_at', '>', now)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('api_tokens')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('user_id', '=', userId)
			.where('revoked_at', 'is', null)
			.executeTakeFirstOrThrow()
	]);
	return { ...user, activeSessions: Number(sessions.n), activeTokens: Number(tokens.n) };
}

export type MemberDetail = NonNullable<Awaited<ReturnType<typeof memberForAdmin>>>;

/** What admins did to one account, newest first (the audit log, by subject). */
export async function memberHistory(db: DB, userId: string, limit = 20) {
	return db
		.selectFrom('audit_log as l')
		.leftJoin('users as actor', 'actor.id', 'l.actor_id')
		.select([
			'l.id',
			'l.action',
			'l.details',
			'l.created_at',
			'l.actor_id',
			'actor.name as actor_name'
		])
		.where('l.subject_type', '=', 'user')
		.where('l.subject_id', '=', userId)
		.orderBy('l.created_at', 'desc')
		.orderBy('l.id', 'desc')
		.limit(limit)
		.execute();
}
