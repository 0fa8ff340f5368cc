import { authorize } from '$lib/server/authorize';
import { listFollows } from '$lib/server/features/contact/queries';
import { listThemes } from '$lib/server/features/reference/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const viewer = viewerFrom(locals.user);
	const [follows, themes] = await Promise.all([
		viewer.kind === 'member' ? listFollows(locals.db, viewer) : [],
		listThemes(locals.db)
	]);
	const followedThemes = new Set(follows.filter((f) => f.type === 'theme').map((f) => f.id));
	const outcome = url.searchParams.get('volgen');
	return {
		follows: follows.map((f) => ({
			type: f.type,
			id: f.id,
			name: f.name,
			href:
				f.type === 'member'
					? `/leden/${f.id}`
					: f.type === 'organisation'
						? `/organisaties/${f.id}`
						: f.type === 'network' && f.slug
							? `/netwerken/${f.slug}`
							: null,
			since: f.since
		})),
		// Themes are followed here (the theme pages show what is new in each).
		themesToFollow: themes.filter((t) => !followedThemes.has(t.id)),
		unfollowed: outcome === 'uit',
		followed: outcome === 'aan'
	};
};
