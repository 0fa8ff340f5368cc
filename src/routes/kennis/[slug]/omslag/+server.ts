import { error } from '@sveltejs/kit';
import { coverForViewer } from '$lib/server/features/attachments/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import { readStoredFile, uploadsDir } from '$lib/server/platform/files';
import type { RequestHandler } from './$types';

/**
 * A knowledge item's cover picture (WebP, made by the app), to those who may see the item. The
 * address changes with the picture (?v=), so a browser may keep it for a day.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const name = await coverForViewer(locals.db, {
		viewer: viewerFrom(locals.user),
		slug: params.slug
	});
	const data = name ? await readStoredFile(uploadsDir(getConfig().dataDir, 'covers'), name) : null;
	if (!name || !data) error(404, 'Dit kennisitem heeft geen omslagafbeelding.');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(data.length),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, max-age=86400'
		}
	});
};
