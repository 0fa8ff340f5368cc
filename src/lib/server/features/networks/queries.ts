import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db';
import { memo } from '../../platform/memo';
import type { Database } from '../../db/schema';
import type { NetworkKind } from '../../db/tables/networks';
import type { Viewer } from '../viewer';
import { can, type Membership, type NetworkSubject, visibleLevels } from './policy';

/**
 * The visibility rule for networks inside a query (the same rule as policy.ts): visitors see
 * public networks, members also members-only ones, private networks only their own active
 * members, and admins everything. `column` is the network id column of the query.
 */
export function visibleTo(viewer: Viewer, column = 'networks.id') {
	const levels = visibleLevels(viewer);
	return (eb: ExpressionBuilder<Database, keyof Database>) => {
		const byLevel = eb(sql.ref(column.replace(/\.id$/, '.visibility')), 'in', levels);
		if (viewer.kind !== 'member' || levels.includes('private')) return byLevel;
		return eb.or([
			byLevel,
			eb(
				sql.ref(column),
				'in',
				eb
					.selectFrom('network_members')
					.select('network_members.network_id')
					.where('network_members.user_id', '=', viewer.userId)
					.where('network_members.status', '=', 'active')
			)
		]);
	};
}

export async function listNetworks(db: DB, input: { viewer: Viewer; kind?: NetworkKind }) {
	let query = db
		.selectFrom('networks')
		.select(['id', 'slug', 'name', 'kind', 'summary', 'audience', 'visibility', 'join_policy'])
		.where(visibleTo(input.viewer))
		.orderBy('position')
		.orderBy('name');
	if (input.kind) query = query.where('kind', '=', input.kind);
	const networks = await query.execute();
	if (networks.length === 0) return [];

	const ids = networks.map((n) => n.id);
	const [provinces, themes] = await Promise.all([
		db
			.selectFrom('network_provinces')
			.innerJoin('provinces', 'provinces.code', 'network_provinces.province_code')
			.select(['network_provinces.network_id', 'provinces.code', 'provinces.name'])
			.where('network_provinces.network_id', 'in', ids)
			.orderBy('provinces.name')
			.execute(),
		db
			.selectFrom('network_themes')
			.innerJoin('themes', 'themes.id', 'network_themes.theme_id')
			.select(['network_themes.network_id', 'themes.id', 'themes.name'])
			.where('network_themes.network_id', 'in', ids)
			.orderBy('themes.position')
			.execute()
	]);
	return networks.map((n) => ({
		...n,
		provinces: provinces.filter((p) => p.network_id === n.id),
		themes: themes.filter((t) => t.network_id === n.id)
	}));
}

export type NetworkRow = Awaited<ReturnType<typeof listNetworks>>[number];

/** The viewer's membership of one network (any status), or null. */
export async function membershipOf(db: DB, networkId: string, viewer: Viewer): Promise<Membership> {
	if (viewer.kind !== 'member') return null;
	const row = await db
		.selectFrom('network_members')
		.select(['role', 'status'])
		.where('network_id', '=', networkId)
		.where('user_id', '=', viewer.userId)
		.executeTakeFirst();
	return row ? { role: row.role, status: row.status } : null;
}

/**
 * One network by its slug as the viewer relates to it: the row, the viewer's membership and the
 * policy subject. Undefined when there is no such network or the viewer may not know it exists
 * (a private network to a non-member): routes answer 404 either way.
 */
export async function networkForViewer(db: DB, slug: string, viewer: Viewer) {
	const network = await db
		.selectFrom('networks')
		.selectAll()
		.where('slug', '=', slug)
		.executeTakeFirst();
	if (!network) return undefined;
	const membership = await membershipOf(db, network.id, viewer);
	const subject: NetworkSubject = {
		visibility: network.visibility,
		joinPolicy: network.join_policy,
		membership
	};
	if (!can(viewer, 'see', subject)) return undefined;
	return { network, membership, subject };
}

export type NetworkForViewer = NonNullable<Awaited<ReturnType<typeof networkForViewer>>>;

/**
 * The networks a member belongs to (active), for pickers and the directory's filter. A private
 * network shows here only to its own members and admins (visibleTo), so a profile never
 * reveals one to an outsider: pass the viewer who looks.
 */
export async function networksOfMember(db: DB, userId: string, viewer: Viewer) {
	return db
		.selectFrom('network_members')
		.innerJoin('networks', 'networks.id', 'network_members.network_id')
		.select(['networks.id', 'networks.slug', 'networks.name', 'network_members.role'])
		.where('network_members.user_id', '=', userId)
		.where('network_members.status', '=', 'active')
		.where(visibleTo(viewer))
		.orderBy('networks.position')
		.orderBy('networks.name')
		.execute();
}

export const NETWORK_MEMBERS_PAGE_SIZE = 48;

/** The active members of a network, coordinators first, then by name; one page. */
export async function networkMembers(
	db: DB,
	networkId: string,
	input: { page: number; pageSize?: number }
) {
	const pageSize = input.pageSize ?? NETWORK_MEMBERS_PAGE_SIZE;
	const base = db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.where('nm.network_id', '=', networkId)
		.where('nm.status', '=', 'active')
		.where('u.status', '=', 'active');
	const { total } = await base
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pageCount);
	const rows = await base
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.select([
			'u.id',
			'u.name',
			'u.job_title',
			'o.name as organisation_name',
			'p.name as province_name',
			'nm.role',
			'nm.created_at as joined_at'
		])
		.orderBy(sql`case when nm.role = 'coordinator' then 0 else 1 end`)
		.orderBy('u.name')
		.orderBy('u.id')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows, total: Number(total), page, pageCount };
}

/**
 * The network page's newest participants, newest first: read in the order of
 * network_members_newest_order_idx, so it stops after `limit` however large the network is.
 */
export async function newestNetworkMembers(db: DB, networkId: string, limit: number) {
	return db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select(['u.id', 'u.name', 'o.name as organisation_name', 'nm.role'])
		.where('nm.network_id', '=', networkId)
		.where('nm.status', '=', 'active')
		.where('u.status', '=', 'active')
		.orderBy('nm.created_at', 'desc')
		.orderBy('nm.user_id')
		.limit(limit)
		.execute();
}

/** The active coordinators of a network, by name. */
export async function networkCoordinators(db: DB, networkId: string) {
	return db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.select(['u.id', 'u.name'])
		.where('nm.network_id', '=', networkId)
		.where('nm.role', '=', 'coordinator')
		.where('nm.status', '=', 'active')
		.where('u.status', '=', 'active')
		.orderBy('u.name')
		.execute();
}

/** Requests to join that wait for a coordinator, oldest first. */
export async function pendingRequests(db: DB, networkId: string) {
	return db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select(['u.id', 'u.name', 'o.name as organisation_name', 'nm.message', 'nm.created_at'])
		.where('nm.network_id', '=', networkId)
		.where('nm.status', '=', 'requested')
		.where('u.status', '=', 'active')
		.orderBy('nm.created_at')
		.execute();
}

/** Invitations not yet accepted (expired ones too, marked by their date), newest first. */
export async function openInvitations(db: DB, networkId: string) {
	return db
		.selectFrom('network_invitations as i')
		.leftJoin('users as u', 'u.id', 'i.invited_by')
		.select(['i.id', 'i.email', 'i.created_at', 'i.expires_at', 'u.name as invited_by_name'])
		.where('i.network_id', '=', networkId)
		.where('i.accepted_at', 'is', null)
		.orderBy('i.created_at', 'desc')
		.execute();
}

/** Everything the member list export holds, one row per active member. */
export async function networkMemberExport(db: DB, networkId: string) {
	return db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.select([
			'u.name',
			'u.email',
			'u.job_title',
			'o.name as organisation_name',
			'p.name as province_name',
			'nm.role',
			'nm.created_at as joined_at'
		])
		.where('nm.network_id', '=', networkId)
		.where('nm.status', '=', 'active')
		.where('u.status', '=', 'active')
		.orderBy('u.name')
		.execute();
}

/** A network's provinces and themes, for its page. */
/**
 * A network's active members, counted: remembered for 30 s per process (platform/memo.ts); the
 * membership mutations forget it, so a change shows at once in the process that made it.
 */
export const memberCounts = memo(30_000, async (db, networkId) => {
	const row = await db
		.selectFrom('network_members as nm')
		.innerJoin('users as u', 'u.id', 'nm.user_id')
		.select((eb) => eb.fn.countAll<number>().as('members'))
		.where('nm.network_id', '=', networkId)
		.where('nm.status', '=', 'active')
		.where('u.status', '=', 'active')
		.executeTakeFirstOrThrow();
	return Number(row.members);
});

export async function networkFacts(db: DB, networkId: string) {
	const [provinces, themes, counts] = await Promise.all([
		db
			.selectFrom('network_provinces')
			.innerJoin('provinces', 'provinces.code', 'network_provinces.province_code')
			.select(['provinces.code', 'provinces.name'])
			.where('network_provinces.network_id', '=', networkId)
			.orderBy('provinces.name')
			.execute(),
		db
			.selectFrom('network_themes')
			.innerJoin('themes', 'themes.id', 'network_themes.theme_id')
			.select(['themes.id', 'themes.name'])
			.where('network_themes.network_id', '=', networkId)
			.orderBy('themes.position')
			.execute(),
		memberCounts.get(db, networkId)
	]);
	return { provinces, themes, memberCount: counts };
}

/** Whether a member coordinates any network (they may create networks). */
export async function coordinatesAny(db: DB, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('network_members')
		.select('network_id')
		.where('user_id', '=', userId)
		.where('role', '=', 'coordinator')
		.where('status', '=', 'active')
		.executeTakeFirst();
	return row !== undefined;
}

/** The network an invitation token belongs to, for the invitation page (not its address). */
export async function invitationByToken(db: DB, tokenHashValue: string) {
	return db
		.selectFrom('network_invitations as i')
		.innerJoin('networks as n', 'n.id', 'i.network_id')
		.leftJoin('users as u', 'u.id', 'i.invited_by')
		.select([
			'i.id',
			'i.expires_at',
			'i.accepted_at',
			'n.slug',
			'n.name',
			'n.summary',
			'u.name as invited_by_name'
		])
		.where('i.token_hash', '=', tokenHashValue)
		.executeTakeFirst();
}
