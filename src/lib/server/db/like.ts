import { type RawBuilder, sql } from 'kysely';

/** A LIKE pattern for "contains", lower-cased, with the wildcards escaped so "50%" finds "50%". */
export function likePattern(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains `pattern` (from likePattern), case-insensitively, on SQLite and PostgreSQL. */
export function containsLike(column: string, pattern: string): RawBuilder<boolean> {
	return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
