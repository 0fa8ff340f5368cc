import { fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { setFollow } from '$lib/server/features/contact/mutations';
import { followSchema } from '$lib/server/features/contact/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { safeReturn } from '$lib/server/safe-return';
import type { Actions, PageServerLoad } from './$types';

/**
 * Follow and unfollow from any page: a form posts here with hidden fields `type` (member,
 * organisation, theme or network), `id`, optionally `actie` (volgen or ontvolgen; without it the
 * form toggles) and `terug`, a path on this site. With `terug` the answer is a redirect back to
 * it with `volgen=aan` or `volgen=uit` added, so that page can say which; without it this page
 * says so itself. Visitors sign in first and come back to `terug`.
 */

export const load: PageServerLoad = ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	return {};
};

/** `path` with one query parameter set, keeping its other parameters and fragment. */
function withParam(path: string, key: string, value: string): string {
	const target = new URL(path, 'http://kennisnetwerk.invalid');
	target.searchParams.set(key, value);
	return target.pathname + target.search + target.hash;
}

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const form = await request.formData();
		const terug = form.get('terug');
		const back = typeof terug === 'string' && terug !== '' ? safeReturn(terug) : null;
		authorize(locals, back ? new URL(back, url) : url, 'see_member_pages');
		const parsed = followSchema.safeParse({
			type: form.get('type') ?? '',
			id: form.get('id') ?? '',
			actie: form.get('actie') || undefined
		});
		if (!parsed.success) return fail(400, { problem: 'invalid' as const, back });
		const viewer = viewerFrom(locals.user);
		if (viewer.kind !== 'member') return fail(403, { problem: 'invalid' as const, back });
		const result = await setFollow(locals.db, {
			viewer,
			type: parsed.data.type,
			id: parsed.data.id,
			want: parsed.data.actie === undefined ? undefined : parsed.data.actie === 'volgen'
		});
		if (!result.ok) {
			return fail(result.reason === 'self' ? 400 : 404, { problem: result.reason, back });
		}
		if (back) redirect(303, withParam(back, 'volgen', result.following ? 'aan' : 'uit'));
		return {
			problem: null,
			back,
			following: result.following,
			changed: result.changed,
			name: result.name,
			type: parsed.data.type
		};
	}
};
