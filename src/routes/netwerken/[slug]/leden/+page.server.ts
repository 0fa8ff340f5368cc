import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/features/networks/policy';
import { networkForViewer, networkMembers } from '$lib/server/features/networks/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, params.slug, viewer);
	if (!found) error(404, 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.');
	if (!can(viewer, 'see_inside', found.subject)) {
		if (viewer.kind === 'visitor') {
			redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
		}
		error(403, 'Je hebt geen toegang tot deze pagina.');
	}
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const members = await networkMembers(locals.db, found.network.id, {
		page: Number.isFinite(requested) ? requested : 1
	});
	return {
		network: { slug: found.network.slug, name: found.network.name },
		members: members.rows.map((m) => ({
			id: m.id,
			name: m.name,
			jobTitle: m.job_title,
			organisation: m.organisation_name,
			province: m.province_name,
			coordinator: m.role === 'coordinator'
		})),
		total: members.total,
		page: members.page,
		pageCount: members.pageCount,
		mayExport: can(viewer, 'coordinate', found.subject)
	};
};
