import { error, fail, redirect } from '@sveltejs/kit';
import { fieldProblems } from '$lib/server/features/accounts/schema';
import {
	decideRequest,
	inviteToNetwork,
	removeMember,
	revokeInvitation,
	setMemberRole,
	updateNetwork
} from '$lib/server/features/networks/mutations';
import { can } from '$lib/server/features/networks/policy';
import {
	networkForViewer,
	networkMembers,
	openInvitations,
	pendingRequests
} from '$lib/server/features/networks/queries';
import {
	invitationActionSchema,
	inviteSchema,
	memberActionSchema,
	networkSettingsSchema,
	roleSchema,
	settingsFields,
	settingsProblem
} from '$lib/server/features/networks/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';
import type { AuditAction } from '$lib/server/platform/audit';
import { staffAudit } from '$lib/server/features/networks/staff-audit';

/** The network, when the signed-in person coordinates it (or is an admin); stops otherwise. */
async function coordinated(locals: App.Locals, slug: string, url: URL) {
	if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
	const viewer = viewerFrom(locals.user);
	const found = await networkForViewer(locals.db, slug, viewer);
	if (!found) error(404, 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.');
	if (viewer.kind !== 'member' || !can(viewer, 'coordinate', found.subject)) {
		error(403, 'Alleen de coördinatoren van dit netwerk kunnen het beheren.');
	}
	const audit = (action: AuditAction, details?: Record<string, string | number | boolean | null>) =>
		staffAudit(viewer, found.network, found.subject, action, details);
	return { viewer, network: found.network, audit };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { network } = await coordinated(locals, params.slug, url);
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const [requests, invitations, members] = await Promise.all([
		pendingRequests(locals.db, network.id),
		openInvitations(locals.db, network.id),
		networkMembers(locals.db, network.id, {
			page: Number.isFinite(requested) ? requested : 1,
			pageSize: 100
		})
	]);
	const now = Date.now();
	return {
		network: {
			slug: network.slug,
			name: network.name,
			kind: network.kind,
			summary: network.summary,
			description: network.description,
			audience: network.audience,
			visibility: network.visibility,
			joinPolicy: network.join_policy
		},
		requests: requests.map((r) => ({
			id: r.id,
			name: r.name,
			organisation: r.organisation_name,
			message: r.message,
			at: r.created_at
		})),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			at: i.created_at,
			expired: new Date(i.expires_at).getTime() <= now,
			by: i.invited_by_name
		})),
		members: members.rows.map((m) => ({
			id: m.id,
			name: m.name,
			organisation: m.organisation_name,
			coordinator: m.role === 'coordinator'
		})),
		total: members.total,
		page: members.page,
		pageCount: members.pageCount
	};
};

type Section = 'requests' | 'invite' | 'invitations' | 'members' | 'settings';

/** Every action answers in one shape: the section, a problem or what was done (with a name). */
function answer(
	section: Section,
	outcome: { problem: string; fields?: Record<string, string> } | { done: string; name?: string }
) {
	return {
		section,
		problem: 'problem' in outcome ? outcome.problem : null,
		fields: 'fields' in outcome ? (outcome.fields ?? {}) : {},
		done: 'done' in outcome ? outcome.done : null,
		name: 'name' in outcome ? (outcome.name ?? null) : null,
		invited: [] as string[],
		skipped: [] as string[]
	};
}

const CONFLICT: Record<string, number> = { not_found: 404 };

export const actions: Actions = {
	goedkeuren: async ({ locals, request, params, url }) => {
		const { viewer, network, audit } = await coordinated(locals, params.slug, url);
		const parsed = memberActionSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, answer('requests', { problem: 'not_found' }));
		const result = await decideRequest(locals.db, {
			networkId: network.id,
			userId: parsed.data.userId,
			actorId: viewer.userId,
			approve: true,
			origin: getConfig().origin,
			audit: audit('network.request_approved')
		});
		if (!result.ok)
			return fail(CONFLICT[result.reason] ?? 409, answer('requests', { problem: result.reason }));
		return answer('requests', { done: 'approved', name: result.name });
	},
	afwijzen: async ({ locals, request, params, url }) => {
		const { viewer, network, audit } = await coordinated(locals, params.slug, url);
		const parsed = memberActionSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, answer('requests', { problem: 'not_found' }));
		const result = await decideRequest(locals.db, {
			networkId: network.id,
			userId: parsed.data.userId,
			actorId: viewer.userId,
			approve: false,
			origin: getConfig().origin,
			audit: audit('network.request_declined')
		});
		if (!result.ok)
			return fail(CONFLICT[result.reason] ?? 409, answer('requests', { problem: result.reason }));
		return answer('requests', { done: 'declined', name: result.name });
	},
	uitnodigen: async ({ locals, request, params, url }) => {
		const { viewer, network, audit } = await coordinated(locals, params.slug, url);
		const form = await request.formData();
		const fields = {
			emails: String(form.get('emails') ?? '').slice(0, 20_000),
			message: String(form.get('message') ?? '').slice(0, 3000)
		};
		const parsed = inviteSchema.safeParse(fields);
		if (!parsed.success) {
			const problems = fieldProblems(parsed.error);
			const problem = problems.message
				? 'message_too_long'
				: fields.emails.trim() === ''
					? 'emails_missing'
					: problems.emails === 'too_long'
						? 'too_many'
						: 'emails_invalid';
			return fail(400, answer('invite', { problem, fields }));
		}
		const outcome = await inviteToNetwork(locals.db, {
			networkId: network.id,
			emails: parsed.data.emails,
			message: parsed.data.message,
			actorId: viewer.userId,
			origin: getConfig().origin,
			audit: audit('network.invited')
		});
		if (!outcome) return fail(404, answer('invite', { problem: 'not_found' }));
		return {
			...answer('invite', { done: 'invited' }),
			invited: outcome.invited,
			skipped: outcome.alreadyMembers
		};
	},
	intrekken: async ({ locals, request, params, url }) => {
		const { network } = await coordinated(locals, params.slug, url);
		const parsed = invitationActionSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, answer('invitations', { problem: 'not_found' }));
		const revoked = await revokeInvitation(locals.db, {
			networkId: network.id,
			invitationId: parsed.data.invitationId
		});
		if (!revoked) return fail(404, answer('invitations', { problem: 'not_found' }));
		return answer('invitations', { done: 'revoked' });
	},
	rol: async ({ locals, request, params, url }) => {
		const { network, audit } = await coordinated(locals, params.slug, url);
		const parsed = roleSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, answer('members', { problem: 'not_found' }));
		const result = await setMemberRole(locals.db, {
			networkId: network.id,
			...parsed.data,
			audit: audit('network.role_changed', { to: parsed.data.role })
		});
		if (!result.ok)
			return fail(CONFLICT[result.reason] ?? 409, answer('members', { problem: result.reason }));
		return answer('members', {
			done: parsed.data.role === 'coordinator' ? 'made_coordinator' : 'made_member',
			name: result.name
		});
	},
	verwijderen: async ({ locals, request, params, url }) => {
		const { network, audit } = await coordinated(locals, params.slug, url);
		const parsed = memberActionSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, answer('members', { problem: 'not_found' }));
		const result = await removeMember(locals.db, {
			networkId: network.id,
			userId: parsed.data.userId,
			audit: audit('network.member_removed')
		});
		if (!result.ok)
			return fail(CONFLICT[result.reason] ?? 409, answer('members', { problem: result.reason }));
		return answer('members', { done: 'removed', name: result.name });
	},
	instellingen: async ({ locals, request, params, url }) => {
		const { network, audit } = await coordinated(locals, params.slug, url);
		const form = await request.formData();
		const fields = settingsFields(form);
		const parsed = networkSettingsSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, answer('settings', { problem: settingsProblem(parsed.error), fields }));
		}
		await updateNetwork(locals.db, {
			networkId: network.id,
			settings: parsed.data,
			audit: audit('network.updated')
		});
		return answer('settings', { done: 'saved' });
	}
};
