import type { DB } from '../../db';
import { containsLike, likePattern } from '../../db/like';
import { visibleTo } from '../networks/queries';
import type { Viewer } from '../viewer';

export type SearchHit =
	| { kind: 'network'; slug: string; title: string; snippet: string }
	| { kind: 'organisation'; slug: string; title: string; snippet: string }
	| { kind: 'theme'; slug: string; title: string; snippet: string };

/**
 * A plain substring search over networks, organisations and themes: the placeholder that the
 * Dutch full-text search (knowledge capability) replaces. Visibility is applied in the query.
 */
export async function basicSearch(
	db: DB,
	input: { viewer: Viewer; query: string; limit?: number }
): Promise<SearchHit[]> {
	const pattern = likePattern(input.query);
	const limit = input.limit ?? 20;
	const like = (column: string) => containsLike(column, pattern);

	const [networks, organisations, themes] = await Promise.all([
		db
			.selectFrom('networks')
			.select(['slug', 'name', 'summary'])
			.where(visibleTo(input.viewer))
			.where((eb) => eb.or([like('name'), like('summary'), like('audience')]))
			.orderBy('name')
			.limit(limit)
			.execute(),
		db
			.selectFrom('organisations')
			.leftJoin('provinces', 'provinces.code', 'organisations.province_code')
			.innerJoin('organisation_types', 'organisation_types.id', 'organisations.type_id')
			.select([
				'organisations.slug',
				'organisations.name',
				'provinces.name as province',
				'organisation_types.name as type'
			])
			.where(like('organisations.name'))
			.orderBy('organisations.name')
			.limit(limit)
			.execute(),
		db.selectFrom('themes').select(['id', 'name']).where(like('name')).orderBy('position').execute()
	]);

	return [
		...themes.map((t) => ({ kind: 'theme' as const, slug: t.id, title: t.name, snippet: '' })),
		...networks.map((n) => ({
			kind: 'network' as const,
			slug: n.slug,
			title: n.name,
			snippet: n.summary
		})),
		...organisations.map((o) => ({
			kind: 'organisation' as const,
			slug: o.slug,
			title: o.name,
			snippet: [o.type, o.province].filter(Boolean).join(' · ')
		}))
	];
}
