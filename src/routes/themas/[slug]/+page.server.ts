import { error } from '@sveltejs/kit';
import { presentSummary } from '$lib/server/features/knowledge/present';
import { themeOverview } from '$lib/server/features/knowledge/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const overview = await themeOverview(locals.db, params.slug, viewer);
	if (!overview) error(404, 'Dit thema bestaat niet.');
	return {
		theme: overview.theme,
		knowledge: overview.knowledge.rows.map(presentSummary),
		knowledgeTotal: overview.knowledge.total,
		networks: overview.networks,
		members: overview.members,
		signedIn: viewer.kind === 'member'
	};
};
