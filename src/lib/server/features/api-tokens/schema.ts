import { z } from 'zod';

export const createTokenSchema = z
	.object({
		name: z
			.string()
			.trim()
			.min(1, 'Geef het token een naam.')
			.max(80, 'Een naam is hoogstens 80 tekens.')
			.describe('What the token is for, e.g. "Rapportage provincie"')
	})
	.strict();

export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const tokenSchema = z.object({
	id: z.string(),
	name: z.string(),
	prefix: z.string().describe('The first characters of the token'),
	createdAt: z.string(),
	lastUsedAt: z.string().nullable()
});

export const createdTokenSchema = tokenSchema.extend({
	token: z.string().describe('The token itself: shown only in this response')
});
