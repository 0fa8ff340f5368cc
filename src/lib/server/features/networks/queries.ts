import type { DB } from '../../db';
import type { NetworkKind, NetworkVisibility } from '../../db/tables/networks';
import type { Viewer } from '../viewer';

/**
 * The visibility rule for networks, applied inside the query: visitors see public networks,
 * members also members-only ones; private networks only their own members (memberships arrive
 * with the networks capability) and admins.
 */
export function visibleNetworkLevels(viewer: Viewer): NetworkVisibility[] {
	if (viewer.kind === 'visitor') return ['public'];
	if (viewer.role === 'admin') return ['public', 'members', 'private'];
	return ['public', 'members'];
}

export async function listNetworks(db: DB, input: { viewer: Viewer; kind?: NetworkKind }) {
	let query = db
		.selectFrom('networks')
		.select(['id', 'slug', 'name', 'kind', 'summary', 'audience', 'visibility', 'join_policy'])
		.where('visibility', 'in', visibleNetworkLevels(input.viewer))
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
