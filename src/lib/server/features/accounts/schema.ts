import { domainToASCII } from 'node:url';
import { z } from 'zod';

/** Sign-in input of the form. Passwords are never trimmed. */
export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email()),
	password: z.string().min(1).max(1024)
});

export type SignInInput = z.infer<typeof signInSchema>;

/** Asking for a password-reset link. */
export const passwordResetRequestSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email())
});

export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

/** Choosing a new password with the token from the e-mail. Passwords are never trimmed. */
export const passwordResetSchema = z.object({
	token: z.string().min(1).max(512),
	password: z.string().min(1).max(1024),
	confirm: z.string().max(1024)
});

export type PasswordResetInput = z.infer<typeof passwordResetSchema>;

/** Deleting one's own account: the password again, and whether contributions go too. */
export const deleteAccountSchema = z.object({
	password: z.string().min(1).max(1024),
	removeContributions: z.boolean()
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** The organisation select's value for "my organisation is not in the list". */
export const NEW_ORGANISATION = 'nieuw';

const formText = (max: number) => z.string().trim().max(max);
/** An optional form field: '' (what an empty field posts) becomes null. */
const optionalText = (max: number) =>
	formText(max)
		.optional()
		.transform((v) => (v ? v : null));

/**
 * Applying for membership (/aanmelden). Reference ids (organisation, type, province, role,
 * themes) are only checked for shape here; whether they exist is the feature's question.
 */
export const applySchema = z
	.object({
		name: formText(100).min(2),
		email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
		password: z.string().min(1).max(1024),
		organisation: formText(100).min(1),
		newOrganisationName: optionalText(200),
		newOrganisationType: optionalText(100),
		newOrganisationProvince: optionalText(10),
		fieldRole: formText(100).min(1),
		province: formText(10).min(1),
		themes: z.array(formText(100).min(1)).max(50).default([]),
		motivation: formText(1000).default('')
	})
	.superRefine((value, ctx) => {
		if (value.organisation !== NEW_ORGANISATION) return;
		if (!value.newOrganisationName || value.newOrganisationName.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['newOrganisationName'], message: 'required' });
		}
		if (!value.newOrganisationType) {
			ctx.addIssue({ code: 'custom', path: ['newOrganisationType'], message: 'required' });
		}
	})
	.transform(({ newOrganisationName, newOrganisationType, newOrganisationProvince, ...rest }) => ({
		...rest,
		themes: [...new Set(rest.themes)],
		newOrganisation:
			rest.organisation === NEW_ORGANISATION
				? {
						name: newOrganisationName ?? '',
						typeId: newOrganisationType ?? '',
						provinceCode: newOrganisationProvince
					}
				: null
	}));

export type ApplyInput = z.infer<typeof applySchema>;
export type ApplyField = keyof z.input<typeof applySchema>;

/** Why a field was refused, as a stable code pages turn into a message. */
export type FieldProblem = 'required' | 'too_short' | 'too_long' | 'invalid';

/** The first problem per field of a failed parse, e.g. { email: 'invalid', name: 'required' }. */
export function fieldProblems(error: z.ZodError): Record<string, FieldProblem> {
	const problems: Record<string, FieldProblem> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		if (!field || problems[field]) continue;
		if (issue.code === 'too_small') {
			problems[field] = Number(issue.minimum) <= 1 ? 'required' : 'too_short';
		} else if (issue.code === 'too_big') problems[field] = 'too_long';
		else if (issue.code === 'custom' && issue.message === 'required') problems[field] = 'required';
		else problems[field] = 'invalid';
	}
	return problems;
}

/** Rejecting an application: a reason is required, and it goes to the applicant. */
export const rejectSchema = z.object({
	userId: formText(100).min(1),
	reason: formText(2000).min(1)
});

export const decideSchema = z.object({ userId: formText(100).min(1) });

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as the allowlist stores it: lower case, without '@' or a trailing dot, in ASCII
 * (an internationalised name becomes punycode, as it appears in mail addresses' DNS). Null when
 * it is not a host name with at least two labels and a plausible top-level domain.
 */
export function normalizeDomain(input: string): string | null {
	let s = input.trim().toLowerCase();
	if (s.startsWith('@')) s = s.slice(1);
	if (s.endsWith('.')) s = s.slice(0, -1);
	if (!s || s.length > 253 || /[\s/:@]/.test(s)) return null;
	const ascii = domainToASCII(s);
	if (!ascii) return null;
	const labels = ascii.split('.');
	if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return null;
	const tld = labels[labels.length - 1]!;
	if (!/^[a-z]{2,63}$/.test(tld) && !tld.startsWith('xn--')) return null;
	return ascii;
}

export const domainSchema = z.object({
	domain: z
		.string()
		.max(300)
		.transform((v, ctx) => {
			const domain = normalizeDomain(v);
			if (domain) return domain;
			ctx.addIssue({ code: 'custom', message: v.trim() ? 'invalid' : 'required' });
			return z.NEVER;
		}),
	note: formText(200).default('')
});

export const removeDomainSchema = z.object({ id: formText(100).min(1) });
