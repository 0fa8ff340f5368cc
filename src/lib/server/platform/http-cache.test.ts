import { describe, expect, it } from 'vitest';
import { conditionalResponse, etagFor, matchesEtag } from './http-cache';

describe('conditional GET', () => {
	it('gives the same body the same strong ETag, and another body another', () => {
		expect(etagFor('a')).toBe(etagFor('a'));
		expect(etagFor('a')).not.toBe(etagFor('b'));
		expect(etagFor('a')).toMatch(/^"[A-Za-z0-9_-]+"$/);
	});

	it('matches If-None-Match lists, weak tags and *', () => {
		const tag = etagFor('body');
		expect(matchesEtag(null, tag)).toBe(false);
		expect(matchesEtag(tag, tag)).toBe(true);
		expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true);
		expect(matchesEtag(`W/${tag}`, tag)).toBe(true);
		expect(matchesEtag('*', tag)).toBe(true);
		expect(matchesEtag('"other"', tag)).toBe(false);
	});

	it('answers 304 without a body when the client holds the version, 200 otherwise', async () => {
		const headers = { 'content-type': 'text/html', 'cache-control': 'public, max-age=300' };
		const fresh = conditionalResponse(new Request('http://x/'), '<p>hoi</p>', headers);
		expect(fresh.status).toBe(200);
		expect(await fresh.text()).toBe('<p>hoi</p>');
		const etag = fresh.headers.get('etag')!;
		const again = conditionalResponse(
			new Request('http://x/', { headers: { 'if-none-match': etag } }),
			'<p>hoi</p>',
			headers
		);
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		expect(again.headers.get('cache-control')).toBe('public, max-age=300');
		const changed = conditionalResponse(
			new Request('http://x/', { headers: { 'if-none-match': etag } }),
			'<p>nieuw</p>',
			headers
		);
		expect(changed.status).toBe(200);
	});
});
