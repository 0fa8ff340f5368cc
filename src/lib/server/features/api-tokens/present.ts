import type { listTokens } from './queries';

type Row = Awaited<ReturnType<typeof listTokens>>[number];

export function presentToken(row: Row) {
	return {
		id: row.id,
		name: row.name,
		prefix: row.prefix,
		createdAt: row.created_at,
		lastUsedAt: row.last_used_at
	};
}
