import { describe, expect, it } from 'vitest';
import type { EmbedEvent } from '$lib/server/features/events/embed';
import { embedErrorText, placeText, renderEmbedError, renderEmbedList } from './render';

const event: EmbedEvent = {
	id: 'e1',
	slug: 'webinar-data-2027-03-02',
	title: 'Webinar <data> & "cijfers"',
	summary: 'Samenvatting',
	format: { id: 'webinar', name: 'Webinar' },
	startsAt: '2027-03-02T14:00:00.000Z',
	endsAt: '2027-03-02T15:00:00.000Z',
	timeZone: 'Europe/Amsterdam',
	locationKind: 'online',
	venue: '',
	address: '',
	url: 'https://kennisnetwerk.example/evenementen/webinar-data-2027-03-02',
	themes: [],
	provinces: []
};
const origin = 'https://kennisnetwerk.example';

describe('embed HTML', () => {
	it('is a whole document in the asked language, with a list, headings and escaped text', () => {
		const html = renderEmbedList([event], { locale: 'nl', origin });
		expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
		expect(html).toContain('<link rel="stylesheet" href="/embed/evenementen.css">');
		// The main landmark is named by the heading: a partner's page has a main of its own.
		expect(html).toContain('<main class="kn-embed" aria-labelledby="kn-embed-title">');
		expect(html).toContain(
			'<h1 class="kn-embed__title" id="kn-embed-title">Komende evenementen</h1>'
		);
		expect(html).toContain('<ul class="kn-embed__list">');
		expect(html).toContain('Webinar &lt;data&gt; &amp; &quot;cijfers&quot;');
		expect(html).not.toContain('<data>');
		expect(html).toContain(`<a href="${event.url}" target="_blank" rel="noopener">`);
		// 15:00 in Amsterdam (winter time), with the date in Dutch.
		expect(html).toContain(
			'<time datetime="2027-03-02T14:00:00.000Z">dinsdag 2 maart 2027, 15:00–16:00</time>'
		);
		expect(html).not.toMatch(/<script|style=/);
		const en = renderEmbedList([], { locale: 'en', origin });
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('No public events are planned at the moment.');
	});

	it('says where: the venue, online, or both', () => {
		expect(placeText(event, 'nl')).toBe('Online');
		const hybrid = { ...event, locationKind: 'hybrid', venue: 'Provinciehuis' } as const;
		expect(placeText(hybrid, 'nl')).toBe('Provinciehuis en online');
		expect(placeText(hybrid, 'en')).toBe('Provinciehuis and online');
		const onSite = { ...event, locationKind: 'on_site', address: 'Kade 1, Rotterdam' } as const;
		expect(placeText(onSite, 'nl')).toBe('Kade 1, Rotterdam');
	});

	it('explains an unknown filter value in Dutch, escaped', () => {
		expect(embedErrorText('thema', 'x', 'nl')).toBe('Het thema ‘x’ kennen we niet.');
		const html = renderEmbedError('thema', '<b>', { locale: 'nl', origin });
		expect(html).toContain('Het thema ‘&lt;b&gt;’ kennen we niet.');
		expect(html).toContain(`href="${origin}/evenementen/insluiten"`);
	});
});
