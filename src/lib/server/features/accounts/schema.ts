import { z } from 'zod';

/** Sign-in input, shared by the form and (later) the API. Passwords are never trimmed. */
export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email()),
	password: z.string().min(1).max(1024)
});

export type SignInInput = z.infer<typeof signInSchema>;
