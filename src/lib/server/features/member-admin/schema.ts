import { z } from 'zod';

export const MEMBER_STATUSES = ['applicant', 'active', 'suspended'] as const;
export const MEMBER_ROLES = ['member', 'editor', 'admin'] as const;

/** An empty or unknown filter value means "all": a shared link never breaks on a stale value. */
const filter = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.string()
		.optional()
		.transform((v) => ((values as readonly string[]).includes(v ?? '') ? (v as T[number]) : null));

/** The member list's state, from the URL (?q=&status=&rol=&pagina=). */
export const memberSearchSchema = z.object({
	q: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim().slice(0, 200)),
	status: filter(MEMBER_STATUSES),
	rol: filter(MEMBER_ROLES),
	pagina: z
		.string()
		.optional()
		.transform((v) => {
			const n = Number.parseInt(v ?? '1', 10);
			return Number.isFinite(n) && n > 0 ? n : 1;
		})
});

export type MemberSearch = z.output<typeof memberSearchSchema>;

export const changeRoleSchema = z.object({ role: z.enum(MEMBER_ROLES) });

/** Suspending asks for a reason: the member receives it by mail. */
export const suspendSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** Deleting asks for an explicit confirmation and whether contributions go too. */
export const deleteMemberSchema = z.object({
	confirm: z.literal('ja'),
	removeContributions: z.boolean()
});
