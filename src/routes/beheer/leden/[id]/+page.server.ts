import { error, fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { can } from '$lib/server/features/accounts/policy';
import {
	changeMemberRole,
	deleteMember,
	type MemberChangeResult,
	suspendMember,
	unsuspendMember
} from '$lib/server/features/member-admin/mutations';
import { memberForAdmin, memberHistory } from '$lib/server/features/member-admin/queries';
import {
	changeRoleSchema,
	deleteMemberSchema,
	suspendSchema
} from '$lib/server/features/member-admin/schema';
import { photosDir } from '$lib/server/features/people/photo';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

/** The audit details a page may show: only these keys are read from the stored JSON. */
function roleChange(details: string): { from: string | null; to: string | null } {
	try {
		const parsed = JSON.parse(details) as Record<string, unknown>;
		return {
			from: typeof parsed.from === 'string' ? parsed.from : null,
			to: typeof parsed.to === 'string' ? parsed.to : null
		};
	} catch {
		return { from: null, to: null };
	}
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'manage_members');
	const member = await memberForAdmin(locals.db, params.id);
	if (!member) error(404, 'Dit account bestaat niet (meer).');
	const history = await memberHistory(locals.db, member.id);
	return {
		member: {
			id: member.id,
			name: member.name,
			email: member.email,
			role: member.role,
			status: member.status,
			verified: Boolean(member.email_verified),
			twoFactor: Boolean(member.two_factor_enabled),
			suspendedAt: member.suspended_at,
			suspensionReason: member.suspension_reason,
			joinedAt: member.created_at,
			organisation: member.organisation_name,
			province: member.province_name,
			fieldRole: member.field_role_name,
			decision: member.decision,
			activeSessions: member.activeSessions,
			activeTokens: member.activeTokens
		},
		// Admins manage their own account at /profiel, like everyone.
		isSelf: !can(locals.user, 'change_member_account', { id: member.id }),
		history: history.map((entry) => ({
			id: entry.id,
			action: entry.action,
			at: entry.created_at,
			actor: entry.actor_id === null ? null : (entry.actor_name ?? ''),
			...roleChange(entry.details)
		}))
	};
};

type Action = 'role' | 'suspend' | 'unsuspend' | 'delete';

/** Every action answers in one shape: what was tried, and the problem or what was done. */
function answer(action: Action, outcome: { problem: string } | { done: true }) {
	return {
		action,
		problem: 'problem' in outcome ? outcome.problem : null,
		done: 'done' in outcome
	};
}

const STATUS: Record<string, number> = { not_found: 404, not_allowed: 403, self: 403 };

function settle(action: Action, result: MemberChangeResult) {
	if (result.ok) return answer(action, { done: true });
	return fail(STATUS[result.reason] ?? 409, answer(action, { problem: result.reason }));
}

/** The admin may change this account (not their own); otherwise the action answers 403. */
function mayChange(locals: App.Locals & { user: NonNullable<App.Locals['user']> }, id: string) {
	return can(locals.user, 'change_member_account', { id });
}

export const actions: Actions = {
	rol: async ({ locals, request, url, params }) => {
		authorize(locals, url, 'manage_members');
		if (!mayChange(locals, params.id)) return fail(403, answer('role', { problem: 'self' }));
		const form = await request.formData();
		const parsed = changeRoleSchema.safeParse({ role: form.get('role') ?? '' });
		if (!parsed.success) return fail(400, answer('role', { problem: 'role_invalid' }));
		const result = await changeMemberRole(locals.db, {
			actorId: locals.user.id,
			userId: params.id,
			role: parsed.data.role,
			origin: getConfig().origin
		});
		return settle('role', result);
	},
	schorsen: async ({ locals, request, url, params }) => {
		authorize(locals, url, 'manage_members');
		if (!mayChange(locals, params.id)) return fail(403, answer('suspend', { problem: 'self' }));
		const form = await request.formData();
		const reason = String(form.get('reason') ?? '');
		const parsed = suspendSchema.safeParse({ reason });
		if (!parsed.success) {
			const tooLong = reason.trim().length > 2000;
			return fail(
				400,
				answer('suspend', { problem: tooLong ? 'reason_too_long' : 'reason_missing' })
			);
		}
		const result = await suspendMember(locals.db, {
			actorId: locals.user.id,
			userId: params.id,
			reason: parsed.data.reason
		});
		return settle('suspend', result);
	},
	herstellen: async ({ locals, url, params }) => {
		authorize(locals, url, 'manage_members');
		if (!mayChange(locals, params.id)) return fail(403, answer('unsuspend', { problem: 'self' }));
		const result = await unsuspendMember(locals.db, {
			actorId: locals.user.id,
			userId: params.id,
			origin: getConfig().origin
		});
		return settle('unsuspend', result);
	},
	verwijderen: async ({ locals, request, url, params }) => {
		authorize(locals, url, 'manage_members');
		if (!mayChange(locals, params.id)) return fail(403, answer('delete', { problem: 'self' }));
		const form = await request.formData();
		const parsed = deleteMemberSchema.safeParse({
			confirm: form.get('confirm') ?? '',
			removeContributions: form.get('removeContributions') === 'ja'
		});
		if (!parsed.success) return fail(400, answer('delete', { problem: 'confirm_missing' }));
		const result = await deleteMember(locals.db, {
			actorId: locals.user.id,
			userId: params.id,
			removeContributions: parsed.data.removeContributions,
			photosDir: photosDir(getConfig().dataDir)
		});
		if (result.ok) redirect(303, '/beheer/leden?verwijderd=1');
		return settle('delete', result);
	}
};
