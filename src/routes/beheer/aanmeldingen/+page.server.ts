import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { approveApplication, rejectApplication } from '$lib/server/features/accounts/mutations';
import { listApplicationQueue } from '$lib/server/features/accounts/queries';
import { decideSchema, fieldProblems, rejectSchema } from '$lib/server/features/accounts/schema';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_members');
	const queue = await listApplicationQueue(locals.db);
	return {
		applications: queue.map((row) => ({
			userId: row.id,
			name: row.name,
			email: row.email,
			organisation: row.organisation_name,
			newOrganisation: row.organisation_name_new
				? {
						name: row.organisation_name_new,
						type: row.organisation_type_new,
						province: row.organisation_province_new
					}
				: null,
			province: row.province_name,
			fieldRole: row.field_role_name,
			motivation: row.motivation ?? '',
			appliedAt: row.applied_at ?? row.signed_up_at
		}))
	};
};

/**
 * Every action answers in one shape, so the page reads it without narrowing: a problem with the
 * application of `userId`, or what was done (with the applicant's name, for the sentence).
 */
function answer(
	userId: string,
	outcome: { problem: string } | { done: 'approved' | 'rejected'; name: string }
) {
	return {
		userId,
		problem: 'problem' in outcome ? outcome.problem : null,
		done: 'done' in outcome ? outcome.done : null,
		name: 'name' in outcome ? outcome.name : null
	};
}

export const actions: Actions = {
	goedkeuren: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_members');
		const form = await request.formData();
		const parsed = decideSchema.safeParse({ userId: form.get('userId') ?? '' });
		if (!parsed.success) return fail(400, answer('', { problem: 'not_found' }));
		const result = await approveApplication(locals.db, {
			actorId: locals.user.id,
			userId: parsed.data.userId,
			origin: getConfig().origin
		});
		if (!result.ok) {
			return fail(
				result.reason === 'not_found' ? 404 : 409,
				answer(parsed.data.userId, { problem: result.reason })
			);
		}
		return answer(parsed.data.userId, { done: 'approved', name: result.name });
	},
	afwijzen: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_members');
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '').slice(0, 100);
		const parsed = rejectSchema.safeParse({ userId, reason: form.get('reason') ?? '' });
		if (!parsed.success) {
			const problems = fieldProblems(parsed.error);
			return fail(
				400,
				answer(userId, {
					problem: problems.reason === 'too_long' ? 'reason_too_long' : 'reason_missing'
				})
			);
		}
		const result = await rejectApplication(locals.db, {
			actorId: locals.user.id,
			userId: parsed.data.userId,
			reason: parsed.data.reason
		});
		if (!result.ok) {
			return fail(
				result.reason === 'not_found' ? 404 : 409,
				answer(userId, { problem: result.reason })
			);
		}
		return answer(userId, { done: 'rejected', name: result.name });
	}
};
