import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** The API's answers: errors as {"error": {code, message}}, lists as {items, total, next}. */

export function apiError(status: number, code: string, message: string): Response {
	return json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}

export function apiList<T>(items: T[], total: number, next: string | null = null): Response {
	return json({ items, total, next }, { headers: { 'cache-control': 'no-store' } });
}

export const unauthorized = () =>
	apiError(401, 'unauthorized', 'Log in of gebruik een geldig API-token.');

/** Reads and validates a JSON body; the Response is the 400 to return when it is not valid. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return {
			ok: false,
			response: apiError(400, 'invalid_json', 'De inhoud van het verzoek is geen geldige JSON.')
		};
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue?.path.join('.') || 'body';
		return {
			ok: false,
			response: apiError(400, 'invalid_input', `${field}: ${issue?.message ?? 'ongeldige waarde'}`)
		};
	}
	return { ok: true, data: parsed.data };
}
