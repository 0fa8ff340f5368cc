import { authorize } from '$lib/server/authorize';
import { listFollows } from '$lib/server/features/contact/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const viewer = viewerFrom(locals.user);
	const follows = viewer.kind === 'member' ? await listFollows(locals.db, viewer) : [];
	const outcome = url.searchParams.get('volgen');
	return {
		follows: follows.map((f) => ({
			type: f.type,
			id: f.id,
			name: f.name,
			href:
				f.type === 'member'
					? `/leden/${f.id}`
					: f.type === 'network' && f.slug
						? `/netwerken/${f.slug}`
						: null,
			since: f.since
		})),
		unfollowed: outcome === 'uit',
		followed: outcome === 'aan'
	};
};
