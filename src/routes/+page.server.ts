import { networkReach } from '$lib/server/features/home/queries';
import { listNetworks } from '$lib/server/features/networks/queries';
import { presentNetwork } from '$lib/server/features/networks/present';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const viewer = viewerFrom(locals.user);
	const [networks, reach] = await Promise.all([
		listNetworks(locals.db, { viewer }),
		networkReach(locals.db)
	]);
	const presented = networks.map(presentNetwork);
	return {
		thematic: presented.filter((n) => n.kind === 'thematic'),
		regional: presented.filter((n) => n.kind === 'regional'),
		reach
	};
};
