import type { DB } from '../../db';
import type { Viewer } from '../viewer';
import { searchDirectoryIndex, suggestFromIndex } from './directory';
import { directoryIndex } from './index-cache';
import { directoryMembers } from './queries';
import type { DirectoryRequest } from './schema';

/**
 * The directory and "Wie deed dit al?" for pages and the API: the index (directory.ts, kept by
 * index-cache.ts) finds and counts; the members shown come fresh from the database, so whoever
 * was suspended a moment ago is not shown even before the index knows.
 */
export async function searchDirectory(db: DB, request: DirectoryRequest, viewer: Viewer) {
	const answer = searchDirectoryIndex(await directoryIndex(db), request, viewer);
	const members = await directoryMembers(db, answer.ids);
	return { ...answer, members };
}

export type DirectoryResult = Awaited<ReturnType<typeof searchDirectory>>;

/** Up to five members in other provinces for this member, with the reasons (suggestions.ts). */
export async function suggestionsFor(db: DB, subjectId: string) {
	const scored = suggestFromIndex(await directoryIndex(db), subjectId);
	const members = new Map(
		(
			await directoryMembers(
				db,
				scored.map((s) => s.candidate.id)
			)
		).map((m) => [m.id, m])
	);
	return scored.flatMap((s) => {
		const member = members.get(s.candidate.id);
		return member ? [{ ...member, score: s.score, reasons: s.reasons }] : [];
	});
}

export type Suggestion = Awaited<ReturnType<typeof suggestionsFor>>[number];
