import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { can } from '$lib/server/features/accounts/policy';
import { photosDir, readPhotoFile } from '$lib/server/features/people/photo';
import { ownPhoto, photoOfMember } from '$lib/server/features/people/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/**
 * A member's photo, for signed-in members only (and one's own, also while applying); 404
 * without one (pages show initials instead).
 */
export const GET: RequestHandler = async ({ locals, url, params, request }) => {
	const own = locals.user?.id === params.id && can(locals.user, 'manage_own_account');
	if (!own) authorize(locals, url, 'see_member_pages');
	const name = own
		? await ownPhoto(locals.db, params.id)
		: await photoOfMember(locals.db, params.id);
	const data = name ? await readPhotoFile(photosDir(getConfig().dataDir), name) : null;
	if (!name || !data) error(404, 'Dit lid heeft geen foto.');
	const etag = `"${name.slice(0, 36)}"`;
	const headers = {
		'content-type': 'image/webp',
		'x-content-type-options': 'nosniff',
		// Personal: never in a shared cache. The address changes with the photo (?v=).
		'cache-control': 'private, max-age=3600',
		etag
	};
	if (request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(new Uint8Array(data), {
		headers: { ...headers, 'content-length': String(data.length) }
	});
};
