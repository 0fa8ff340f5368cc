import type { DB } from '../../db';
import { containsLike, likePattern } from '../../db/like';
import { memo } from '../../platform/memo';
import { visibleTo } from '../networks/queries';
import type { Viewer } from '../viewer';

/**
 * The partners behind the network, in the order the reference facts list them. They come from the
 * reference seed when the app starts and nothing changes them while it runs, yet every page's
 * footer shows them: each process reads them once per ten minutes.
 */
const partners = memo(10 * 60_000, (db) =>
	db
		.selectFrom('organisations')
		.select(['slug', 'name', 'website'])
		.where('is_partner', '=', true)
		.orderBy('partner_position')
		.execute()
);

export function listPartners(db: DB) {
	return partners.get(db);
}

export const ORGANISATION_PAGE_SIZE = 30;

export interface OrganisationSearch {
	q: string;
	type: string | null;
	province: string | null;
	group: 'g4' | 'g40' | null;
	page: number;
}

/**
 * The organisations list: by name, type, province and G4/G40, with how many active members each
 * has on the platform. Public: organisations are public bodies and partners.
 */
export async function searchOrganisations(
	db: DB,
	search: OrganisationSearch,
	pageSize = ORGANISATION_PAGE_SIZE
) {
	let query = db
		.selectFrom('organisations as o')
		.leftJoin('organisation_types as t', 't.id', 'o.type_id')
		.leftJoin('provinces as p', 'p.code', 'o.province_code');
	if (search.type) query = query.where('o.type_id', '=', search.type);
	if (search.province) query = query.where('o.province_code', '=', search.province);
	if (search.group) query = query.where('o.municipality_class', '=', search.group);
	for (const word of search.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
		query = query.where(containsLike('o.name', likePattern(word)));
	}
	const { total } = await query
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
	const page = Math.min(Math.max(1, search.page), pageCount);
	const rows = await query
		.select((eb) => [
			'o.id',
			'o.slug',
			'o.name',
			'o.municipality_class',
			't.name as type_name',
			'p.name as province_name',
			eb
				.selectFrom('users as u')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('u.organisation_id', '=', 'o.id')
				.where('u.status', '=', 'active')
				.as('member_count')
		])
		.orderBy('o.name')
		.orderBy('o.id')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return {
		rows: rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })),
		total: Number(total),
		page,
		pageCount
	};
}

/** The filter options of the organisations list. */
export async function organisationFilterOptions(db: DB) {
	const [types, provinces] = await Promise.all([
		db.selectFrom('organisation_types').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute()
	]);
	return { types, provinces };
}

/**
 * One organisation by its slug (or id), with its active members (for members only: pass
 * `withMembers`) and the networks its members take part in that the viewer may see.
 */
export async function organisationDetail(
	db: DB,
	key: string,
	input: { viewer: Viewer; withMembers: boolean }
) {
	const organisation = await db
		.selectFrom('organisations as o')
		.leftJoin('organisation_types as t', 't.id', 'o.type_id')
		.leftJoin('provinces as p', 'p.code', 'o.province_code')
		.select([
			'o.id',
			'o.slug',
			'o.name',
			'o.website',
			'o.municipality_class',
			'o.is_partner',
			't.name as type_name',
			'p.name as province_name'
		])
		.where((eb) => eb.or([eb('o.slug', '=', key), eb('o.id', '=', key)]))
		.executeTakeFirst();
	if (!organisation) return undefined;
	const [members, networks, memberCount] = await Promise.all([
		input.withMembers
			? db
					.selectFrom('users')
					.select(['id', 'name', 'job_title'])
					.where('organisation_id', '=', organisation.id)
					.where('status', '=', 'active')
					.orderBy('name')
					.limit(200)
					.execute()
			: [],
		db
			.selectFrom('networks')
			.select(['networks.slug', 'networks.name'])
			.where(visibleTo(input.viewer))
			.where('networks.id', 'in', (eb) =>
				eb
					.selectFrom('network_members as nm')
					.innerJoin('users as u', 'u.id', 'nm.user_id')
					.select('nm.network_id')
					.where('u.organisation_id', '=', organisation.id)
					.where('u.status', '=', 'active')
					.where('nm.status', '=', 'active')
			)
			.orderBy('networks.position')
			.orderBy('networks.name')
			.execute(),
		db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organisation_id', '=', organisation.id)
			.where('status', '=', 'active')
			.executeTakeFirstOrThrow()
	]);
	return { ...organisation, members, networks, memberCount: Number(memberCount.n) };
}

/** Every organisation by name, for the merge form's choices. */
export async function organisationChoices(db: DB) {
	return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
}
