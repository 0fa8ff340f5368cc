import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { itemForViewer } from '$lib/server/features/knowledge/queries';
import { type Viewer, viewerFrom } from '$lib/server/features/viewer';

export const GONE = 'Dit kennisitem bestaat niet (meer) of is niet voor jou zichtbaar.';

/**
 * The item as the viewer may see it, or a 404 (an item one may not see does not exist for one).
 * `member`: the route is for signed-in members (visitors sign in first, applicants get a 403),
 * asked before the item is looked up so nobody learns what exists.
 */
export async function knowledgeItem(
	locals: App.Locals,
	url: URL,
	slug: string,
	options: { member?: boolean } = {}
) {
	if (options.member) authorize(locals, url, 'see_member_pages');
	const viewer: Viewer = viewerFrom(locals.user);
	const found = await itemForViewer(locals.db, slug, viewer);
	if (!found) error(404, GONE);
	return { viewer, ...found };
}

/** The version a form was based on (hidden field); 0 when missing, which never matches. */
export function formVersion(form: FormData): number {
	const n = Number.parseInt(String(form.get('version') ?? ''), 10);
	return Number.isFinite(n) && n > 0 ? n : 0;
}
