import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, readJson } from '$lib/server/api/respond';
import { updateItem } from '$lib/server/features/knowledge/mutations';
import { can } from '$lib/server/features/knowledge/policy';
import { presentItem } from '$lib/server/features/knowledge/present';
import {
	formValuesOf,
	itemDetails,
	itemForViewer,
	maySeeNetwork
} from '$lib/server/features/knowledge/queries';
import {
	apiUpdateSchema,
	fieldProblems,
	knowledgeInputSchema
} from '$lib/server/features/knowledge/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';
import { reportPublished } from '$lib/server/features/followup/mutations';
import { getConfig } from '$lib/server/platform/config';

const notFound = () => apiError(404, 'not_found', 'Dit kennisitem bestaat niet (meer).');

/** One item; one the caller may not see is 404, as if it did not exist. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const found = await itemForViewer(locals.db, params.slug, viewer);
	if (!found) return notFound();
	const details = await itemDetails(locals.db, found.item, viewer);
	return json(presentItem(found, details), { headers: { 'cache-control': 'no-store' } });
};

/**
 * Changes an item (authors and editors): fields left out stay; "version" must be the item's
 * current version, or the answer is 409 `changed` and nothing is written.
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const found = await itemForViewer(locals.db, params.slug, member.viewer);
	if (!found) return notFound();
	if (!can(member.viewer, 'edit', found.subject)) {
		return apiError(403, 'forbidden', 'Alleen de auteurs en de redactie bewerken dit item.');
	}
	const body = await readJson(request, apiUpdateSchema);
	if (!body.ok) return body.response;
	const { version, publish, ...changes } = body.data;
	const current = await formValuesOf(locals.db, found.item.id);
	if (!current) return notFound();
	const merged = knowledgeInputSchema.safeParse({
		...current,
		...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
	});
	if (!merged.success) {
		const [field, problem] = Object.entries(fieldProblems(merged.error))[0] ?? ['body', 'invalid'];
		return apiError(400, 'invalid_input', `${field}: ${problem}`);
	}
	if (
		merged.data.visibility === 'network' &&
		merged.data.network !== current.network &&
		!(await maySeeNetwork(locals.db, member.viewer, merged.data.network))
	) {
		return apiError(
			403,
			'not_in_network',
			'Je kunt alleen delen in een netwerk waar je lid van bent.'
		);
	}
	const result = await updateItem(locals.db, {
		itemId: found.item.id,
		editorId: member.userId,
		expectedVersion: version,
		input: merged.data,
		publish
	});
	if (!result.ok) {
		if (result.reason === 'not_found') return notFound();
		if (result.reason === 'changed')
			return apiError(409, 'changed', 'Het item is intussen gewijzigd: haal het opnieuw op.');
		if (result.reason === 'unchanged') return apiError(409, 'unchanged', 'Er is niets veranderd.');
		return apiError(400, result.reason, 'Een verwijzing bestaat niet (meer).');
	}
	if (publish)
		await reportPublished(locals.db, { itemId: found.item.id, origin: getConfig().origin });
	const fresh = await itemForViewer(locals.db, params.slug, viewerFrom(locals.user));
	if (!fresh) return notFound();
	return json(presentItem(fresh, await itemDetails(locals.db, fresh.item, member.viewer)));
};
