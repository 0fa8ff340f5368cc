import { error } from '@sveltejs/kit';
import { attachmentForViewer } from '$lib/server/features/attachments/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { downloadHeaders } from '$lib/server/platform/attachments';
import { getConfig } from '$lib/server/platform/config';
import { readStoredFile, uploadsDir } from '$lib/server/platform/files';
import type { RequestHandler } from './$types';

/**
 * An attachment of a knowledge item, as a download that the browser never runs: only to those
 * who may see the item (a members-only or network item's files stay with its readers), and the
 * same 404 for a file that does not exist as for one the viewer may not see.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const found = await attachmentForViewer(locals.db, {
		viewer,
		slug: params.slug,
		attachmentId: params.id
	});
	const data = found
		? await readStoredFile(uploadsDir(getConfig().dataDir, 'attachments'), found.fileName)
		: null;
	if (!found || !data) error(404, 'Deze bijlage bestaat niet of is niet voor jou zichtbaar.');
	const headers = downloadHeaders(found.name, found.mediaType, data.length);
	return new Response(new Uint8Array(data), { headers });
};
