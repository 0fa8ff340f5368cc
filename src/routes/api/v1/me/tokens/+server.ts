import { json } from '@sveltejs/kit';
import { apiList, readJson, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { createToken } from '$lib/server/features/api-tokens/mutations';
import { presentToken } from '$lib/server/features/api-tokens/present';
import { listTokens } from '$lib/server/features/api-tokens/queries';
import { createTokenSchema } from '$lib/server/features/api-tokens/schema';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user || !can(locals.user, 'manage_own_account')) return unauthorized();
	const tokens = (await listTokens(locals.db, locals.user.id)).map(presentToken);
	return apiList(tokens, tokens.length);
};

export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user || !can(locals.user, 'manage_own_account')) return unauthorized();
	const input = await readJson(request, createTokenSchema);
	if (!input.ok) return input.response;
	const created = await createToken(locals.db, locals.user.id, input.data);
	return json({ ...presentToken(created), token: created.token }, { status: 201 });
};
