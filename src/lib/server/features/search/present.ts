import type { SearchHit } from './queries';
import { segmentsToHtml } from './analyser';

/** A hit as the API returns it: title and snippet as escaped HTML with <mark> around found words. */
export function presentHit(hit: SearchHit) {
	return {
		kind: hit.kind,
		id: hit.refId,
		isReply: hit.isReply,
		url: hit.url,
		title: hit.title.map((s) => s.text).join(''),
		titleHtml: segmentsToHtml(hit.title),
		snippetHtml: segmentsToHtml(hit.snippet)
	};
}
