import { json } from '@sveltejs/kit';
import { unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	if (!locals.user || !can(locals.user, 'manage_own_account')) return unauthorized();
	const { id, name, email, role, status, twoFactorEnabled } = locals.user;
	return json({ id, name, email, role, status, twoFactorEnabled });
};
