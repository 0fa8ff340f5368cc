import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/server/csv';
import { can } from '$lib/server/features/networks/policy';
import { networkForViewer, networkMemberExport } from '$lib/server/features/networks/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** The member list as CSV, for the network's coordinators (and admins). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, params.slug, viewer);
	if (!found) error(404, 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.');
	if (!can(viewer, 'coordinate', found.subject))
		error(403, 'Alleen coördinatoren kunnen de ledenlijst downloaden.');
	const rows = await networkMemberExport(locals.db, found.network.id);
	const csv = toCsv(
		['Naam', 'E-mailadres', 'Functie', 'Organisatie', 'Provincie', 'Rol', 'Lid sinds'],
		rows.map((r) => [
			r.name,
			r.email,
			r.job_title ?? '',
			r.organisation_name ?? '',
			r.province_name ?? '',
			r.role === 'coordinator' ? 'coördinator' : 'lid',
			r.joined_at.slice(0, 10)
		])
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="leden-${found.network.slug}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
