import type { NetworkRow } from './queries';

export interface NetworkSummary {
	slug: string;
	visibility: NetworkRow['visibility'];
	name: string;
	kind: NetworkRow['kind'];
	summary: string;
	audience: string;
	joinPolicy: NetworkRow['join_policy'];
	provinces: { code: string; name: string }[];
	themes: { id: string; name: string }[];
}

export function presentNetwork(row: NetworkRow): NetworkSummary {
	return {
		slug: row.slug,
		visibility: row.visibility,
		name: row.name,
		kind: row.kind,
		summary: row.summary,
		audience: row.audience,
		joinPolicy: row.join_policy,
		provinces: row.provinces.map((p) => ({ code: p.code, name: p.name })),
		themes: row.themes.map((t) => ({ id: t.id, name: t.name }))
	};
}
