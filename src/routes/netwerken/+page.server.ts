import { listNetworks } from '$lib/server/features/networks/queries';
import { presentNetwork } from '$lib/server/features/networks/present';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const networks = (await listNetworks(locals.db, { viewer: viewerFrom(locals.user) })).map(
		presentNetwork
	);
	return {
		thematic: networks.filter((n) => n.kind === 'thematic'),
		regional: networks.filter((n) => n.kind === 'regional'),
		other: networks.filter((n) => n.kind === 'programme_group')
	};
};
