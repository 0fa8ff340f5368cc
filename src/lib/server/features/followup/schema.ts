import { z } from 'zod';

/** A recording or slides link: http or https only, or empty for none. */
export const recordingUrlSchema = z.union([
	z.literal(''),
	z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(500)
]);

export const materialsSettingsSchema = z.object({
	visibility: z.enum(['participants', 'members']),
	recordingUrl: z.string().trim().pipe(recordingUrlSchema)
});

export const EVALUATION_ANSWER_MAX = 2000;

export const evaluationSchema = z.object({
	score: z.coerce.number().int().min(1).max(5),
	valuable: z.string().trim().max(EVALUATION_ANSWER_MAX),
	better: z.string().trim().max(EVALUATION_ANSWER_MAX)
});
export type EvaluationInput = z.output<typeof evaluationSchema>;
