import { canCreateNetwork } from '$lib/server/features/networks/policy';
import { coordinatesAny, listNetworks } from '$lib/server/features/networks/queries';
import { presentNetwork } from '$lib/server/features/networks/present';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerFrom(locals.user);
	const networks = (await listNetworks(locals.db, { viewer })).map(presentNetwork);
	const coordinator = viewer.kind === 'member' && (await coordinatesAny(locals.db, viewer.userId));
	return {
		mayCreate: canCreateNetwork(viewer, coordinator),
		left: url.searchParams.get('verlaten') === '1',
		thematic: networks.filter((n) => n.kind === 'thematic'),
		regional: networks.filter((n) => n.kind === 'regional'),
		other: networks.filter((n) => n.kind === 'programme_group')
	};
};
