import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond';
import { can } from '$lib/server/features/networks/policy';
import {
	networkCoordinators,
	networkFacts,
	networkForViewer
} from '$lib/server/features/networks/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** One network as the page shows it; a private network is 404 to those outside it. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, params.slug, viewer);
	if (!found)
		return apiError(404, 'not_found', 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.');
	const { network, membership, subject } = found;
	const inside = can(viewer, 'see_inside', subject);
	const [facts, coordinators] = await Promise.all([
		networkFacts(locals.db, network.id),
		inside ? networkCoordinators(locals.db, network.id) : []
	]);
	return json(
		{
			slug: network.slug,
			name: network.name,
			kind: network.kind,
			summary: network.summary,
			description: network.description,
			audience: network.audience,
			visibility: network.visibility,
			joinPolicy: network.join_policy,
			provinces: facts.provinces,
			themes: facts.themes,
			memberCount: facts.memberCount,
			membership,
			coordinators
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
