import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { exportAccountData } from '$lib/server/features/accounts/queries';
import type { RequestHandler } from './$types';

/** Everything the platform holds about the signed-in member, as a JSON download (GDPR art. 15/20). */
export const GET: RequestHandler = async ({ locals, url }) => {
	authorize(locals, url, 'manage_own_account');
	const data = await exportAccountData(locals.db, locals.user.id);
	if (!data) error(404, 'Niet gevonden');
	return new Response(JSON.stringify(data, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="kennisnetwerk-gegevens.json"',
			'cache-control': 'no-store'
		}
	});
};
