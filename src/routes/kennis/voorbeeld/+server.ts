import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { RequestHandler } from './$types';

/**
 * The authoring form's live preview: Markdown in, the sanitised HTML it will be stored as out.
 * Members only (it renders, it stores nothing); at most 50,000 characters.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	let text = '';
	try {
		const raw = await request.text();
		const body = raw ? (JSON.parse(raw) as unknown) : {};
		if (body && typeof body === 'object' && 'text' in body && typeof body.text === 'string') {
			text = body.text.slice(0, 50_000);
		}
	} catch {
		text = '';
	}
	return json({ html: renderMarkdown(text).html }, { headers: { 'cache-control': 'no-store' } });
};
