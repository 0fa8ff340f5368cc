import type { KnowledgeKind, KnowledgeVisibility } from '../../db/tables/knowledge';

/**
 * Everything an author can change about an item, as one value: each revision stores it (JSON),
 * the diff compares two of them, restore writes one back. References are ids.
 */
export interface KnowledgeContent {
	kind: KnowledgeKind;
	title: string;
	summary: string;
	body: string;
	challenge: string;
	approach: string;
	result: string;
	lessons: string;
	costs: string;
	mkbSegment: string;
	period: string;
	contactId: string | null;
	visibility: KnowledgeVisibility;
	networkId: string | null;
	themes: string[];
	provinces: string[];
	organisations: string[];
	/** Author ids, the first author first. */
	authors: string[];
}

/** The text fields in the order the history shows them. */
export const TEXT_FIELDS = [
	'title',
	'summary',
	'body',
	'challenge',
	'approach',
	'result',
	'lessons',
	'costs',
	'mkbSegment',
	'period'
] as const;

export const LIST_FIELDS = ['themes', 'provinces', 'organisations', 'authors'] as const;

export function parseContent(json: string): KnowledgeContent {
	const value = JSON.parse(json) as Partial<KnowledgeContent>;
	return {
		kind: value.kind ?? 'insight',
		title: value.title ?? '',
		summary: value.summary ?? '',
		body: value.body ?? '',
		challenge: value.challenge ?? '',
		approach: value.approach ?? '',
		result: value.result ?? '',
		lessons: value.lessons ?? '',
		costs: value.costs ?? '',
		mkbSegment: value.mkbSegment ?? '',
		period: value.period ?? '',
		contactId: value.contactId ?? null,
		visibility: value.visibility ?? 'members',
		networkId: value.networkId ?? null,
		themes: value.themes ?? [],
		provinces: value.provinces ?? [],
		organisations: value.organisations ?? [],
		authors: value.authors ?? []
	};
}

/** Same content (lists compared as sets, authors in order). */
export function sameContent(a: KnowledgeContent, b: KnowledgeContent): boolean {
	const norm = (c: KnowledgeContent) =>
		JSON.stringify({
			...c,
			themes: [...c.themes].sort(),
			provinces: [...c.provinces].sort(),
			organisations: [...c.organisations].sort()
		});
	return norm(a) === norm(b);
}
