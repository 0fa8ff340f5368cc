import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authorize } from '$lib/server/authorize';
import { resolveReport } from '$lib/server/features/reports/mutations';
import { openReports } from '$lib/server/features/reports/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'manage_members');
	const requested = Number.parseInt(url.searchParams.get('pagina') ?? '1', 10);
	const result = await openReports(locals.db, Number.isFinite(requested) ? requested : 1);
	return {
		reports: result.rows.map((row) => ({
			id: row.id,
			subjectType: row.subject_type,
			reason: row.reason,
			at: row.created_at,
			reporter: row.reporter_id === null ? null : (row.reporter_name ?? ''),
			content: row.content
		})),
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		done: url.searchParams.get('gedaan')
	};
};

const resolveSchema = z.object({
	report: z.string().min(1),
	note: z
		.string()
		.transform((v) => v.replace(/\0/g, '').trim())
		.pipe(z.string().min(1).max(2000)),
	remove: z.boolean()
});

export const actions: Actions = {
	afhandelen: async ({ locals, request, url }) => {
		authorize(locals, url, 'manage_members');
		const form = await request.formData();
		const note = String(form.get('note') ?? '');
		const parsed = resolveSchema.safeParse({
			report: String(form.get('report') ?? ''),
			note,
			remove: form.get('remove') === 'ja'
		});
		if (!parsed.success) {
			const report = String(form.get('report') ?? '');
			const problem = !report
				? 'not_found'
				: note.trim().length > 2000
					? 'note_too_long'
					: 'note_missing';
			return fail(problem === 'not_found' ? 404 : 400, { report, problem, note });
		}
		const result = await resolveReport(locals.db, {
			reportId: parsed.data.report,
			actorId: locals.user.id,
			note: parsed.data.note,
			removePost: parsed.data.remove
		});
		if (!result.ok) {
			return fail(result.reason === 'not_found' ? 404 : 409, {
				report: parsed.data.report,
				problem: result.reason,
				note
			});
		}
		redirect(303, `/beheer/meldingen?gedaan=${result.removed ? 'verwijderd' : 'afgehandeld'}`);
	}
};
