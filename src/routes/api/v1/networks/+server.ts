import { json } from '@sveltejs/kit';
import { apiError, apiList, readJson, unauthorized } from '$lib/server/api/respond';
import { createNetwork } from '$lib/server/features/networks/mutations';
import { canCreateNetwork } from '$lib/server/features/networks/policy';
import { presentNetwork } from '$lib/server/features/networks/present';
import { coordinatesAny, listNetworks } from '$lib/server/features/networks/queries';
import { createNetworkBodySchema } from '$lib/server/features/networks/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** The networks the caller may see (visitors: the public ones), as on /netwerken. */
export const GET: RequestHandler = async ({ locals }) => {
	const networks = (await listNetworks(locals.db, { viewer: viewerFrom(locals.user) })).map(
		presentNetwork
	);
	return apiList(networks, networks.length);
};

/** Coordinators and admins create a network; the creator becomes its coordinator. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const viewer = viewerFrom(locals.user);
	if (viewer.kind !== 'member') return unauthorized();
	if (!canCreateNetwork(viewer, await coordinatesAny(locals.db, viewer.userId))) {
		return apiError(
			403,
			'forbidden',
			'Alleen coördinatoren en beheerders kunnen een netwerk starten.'
		);
	}
	const input = await readJson(request, createNetworkBodySchema);
	if (!input.ok) return input.response;
	const result = await createNetwork(locals.db, { actorId: viewer.userId, settings: input.data });
	if (!result.ok) {
		return apiError(409, 'name_taken', 'Er bestaat al een netwerk met (bijna) deze naam.');
	}
	return json(
		{ slug: result.slug },
		{ status: 201, headers: { location: `/api/v1/networks/${result.slug}` } }
	);
};
