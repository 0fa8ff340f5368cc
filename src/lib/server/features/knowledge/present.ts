import type { z } from 'zod';
import type { ItemForViewer, itemDetails, KnowledgeSummaryRow } from './queries';
import type { knowledgeOutSchema, knowledgeSummaryOutSchema } from './schema';

/** Rows -> what pages and the API return (never raw rows). Paths are relative to the site. */

export const itemPath = (slug: string) => `/kennis/${slug}`;

export function presentSummary(
	row: KnowledgeSummaryRow
): z.infer<typeof knowledgeSummaryOutSchema> {
	return {
		slug: row.slug,
		kind: row.kind,
		status: row.status,
		visibility: row.visibility,
		title: row.title,
		summary: row.summary,
		themes: row.themes,
		provinces: row.provinces,
		publishedAt: row.published_at,
		usefulCount: Number(row.useful_count),
		viewCount: Number(row.view_count),
		url: itemPath(row.slug)
	};
}

type Details = Awaited<ReturnType<typeof itemDetails>>;

export function presentItem(
	found: ItemForViewer,
	details: Details
): z.infer<typeof knowledgeOutSchema> {
	const item = found.item;
	const practice = item.kind === 'practice_example';
	return {
		slug: item.slug,
		kind: item.kind,
		status: item.status,
		visibility: item.visibility,
		title: item.title,
		summary: item.summary,
		themes: details.themes,
		provinces: details.provinces,
		publishedAt: item.published_at,
		usefulCount: Number(item.useful_count),
		viewCount: Number(item.view_count),
		url: itemPath(item.slug),
		version: Number(item.version),
		body: item.body,
		bodyHtml: item.body_html,
		practice: practice
			? {
					challenge: item.challenge,
					approach: item.approach,
					result: item.result,
					lessons: item.lessons,
					costs: item.costs,
					mkbSegment: item.mkb_segment,
					period: item.period
				}
			: null,
		organisations: details.organisations.map((o) => ({ slug: o.slug, name: o.name })),
		authors: details.authors.map((a) => ({ id: a.id, name: a.name })),
		contact: details.contact ? { id: details.contact.id, name: details.contact.name } : null,
		network: details.network ? { slug: details.network.slug, name: details.network.name } : null,
		adoptions: details.adoptions.map((a) => ({
			organisation: a.organisation,
			province: a.province,
			note: a.note
		})),
		related: details.related.map((r) => ({ slug: r.slug, title: r.title, kind: r.kind })),
		updatedAt: item.updated_at
	};
}

/** The RSS 2.0 feed of public knowledge. */
export function rssFeed(
	origin: string,
	items: { slug: string; title: string; summary: string; published_at: string | null }[],
	channel: { title: string; description: string }
): string {
	const esc = (s: string) =>
		s.replace(
			/[<>&'"]/g,
			(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!
		);
	const entries = items
		.map((i) => {
			const link = `${origin}${itemPath(i.slug)}`;
			const date = i.published_at
				? `<pubDate>${new Date(i.published_at).toUTCString()}</pubDate>`
				: '';
			return `<item><title>${esc(i.title)}</title><link>${esc(link)}</link><guid isPermaLink="true">${esc(link)}</guid><description>${esc(i.summary)}</description>${date}</item>`;
		})
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(channel.title)}</title>
<link>${esc(origin)}/kennis</link>
<atom:link href="${esc(origin)}/kennis/rss.xml" rel="self" type="application/rss+xml"/>
<description>${esc(channel.description)}</description>
<language>nl</language>
${entries}
</channel>
</rss>
`;
}
