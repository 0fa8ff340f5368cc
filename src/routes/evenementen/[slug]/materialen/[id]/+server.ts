import { error } from '@sveltejs/kit';
import { eventForViewer } from '$lib/server/features/events/queries';
import { materialForViewer } from '$lib/server/features/followup/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { downloadHeaders } from '$lib/server/platform/attachments';
import { getConfig } from '$lib/server/platform/config';
import { readStoredFile, uploadsDir } from '$lib/server/platform/files';
import { followupSubject } from '../../../followup';
import type { RequestHandler } from './$types';

/**
 * A file of an event's materials, as a download the browser never runs: only to those who may
 * see the materials (its organisers, its participants, or every member when the organisers share
 * them so), and the same 404 for a file that does not exist as for one the viewer may not see.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, params.slug, viewer);
	const subject = event ? await followupSubject(locals.db, viewer, event) : null;
	const found =
		event && subject
			? await materialForViewer(locals.db, {
					eventId: event.id,
					materialId: params.id.slice(0, 100),
					viewer,
					manage: subject.manage
				})
			: undefined;
	const data = found
		? await readStoredFile(uploadsDir(getConfig().dataDir, 'attachments'), found.fileName)
		: null;
	if (!found || !data) error(404, 'Dit bestand bestaat niet of is niet voor jou zichtbaar.');
	const headers = downloadHeaders(found.name, found.mediaType, data.length);
	return new Response(new Uint8Array(data), { headers });
};
