import { apiError, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { revokeToken } from '$lib/server/features/api-tokens/mutations';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = async ({ locals, params }) => {
	if (!locals.user || !can(locals.user, 'manage_own_account')) return unauthorized();
	if (!(await revokeToken(locals.db, locals.user.id, params.id))) {
		return apiError(404, 'not_found', 'Dit token bestaat niet (meer).');
	}
	return new Response(null, { status: 204 });
};
