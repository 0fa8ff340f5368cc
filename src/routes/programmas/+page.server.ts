import { listNetworks } from '$lib/server/features/networks/queries';
import { presentNetwork } from '$lib/server/features/networks/present';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const regions = await listNetworks(locals.db, {
		viewer: viewerFrom(locals.user),
		kind: 'regional'
	});
	return { regions: regions.map(presentNetwork) };
};
