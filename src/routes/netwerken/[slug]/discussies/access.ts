import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { can } from '$lib/server/features/discussions/policy';
import { networkForViewer } from '$lib/server/features/networks/queries';
import { type Viewer, viewerFrom } from '$lib/server/features/viewer';

/**
 * Discussions are for members: visitors sign in first, applicants wait (403). A network the
 * viewer may not see inside, or that does not exist, is a 404 either way (a private network is
 * invisible to outsiders).
 */
export async function discussionNetwork(locals: App.Locals, url: URL, slug: string) {
	authorize(locals, url, 'see_member_pages');
	const viewer: Viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, slug, viewer);
	if (!found || !can(viewer, 'read', { network: found.subject })) {
		error(404, 'Dit netwerk bestaat niet (meer).');
	}
	return { viewer, user: locals.user, ...found };
}

/** The signed-in member as a viewer, after authorize. */
export function memberViewer(locals: App.Locals, url: URL): Viewer {
	authorize(locals, url, 'see_member_pages');
	return viewerFrom(locals.user);
}
