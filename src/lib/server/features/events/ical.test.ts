import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsIcs, type IcsEvent } from './ical';
import { amsterdamToUtc } from './time';

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const zone = calendar.getFirstSubcomponent('vtimezone');
	expect(zone).not.toBeNull();
	ICAL.TimezoneService.register(new ICAL.Timezone(zone!));
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const base = (startsAt: string, endsAt: string): IcsEvent => ({
	id: 'e1',
	title: 'Excursie: circulaire haven',
	summary: 'Een bezoek aan een inspirerend praktijkvoorbeeld.',
	startsAt,
	endsAt,
	locationKind: 'hybrid',
	venue: 'Haven',
	address: 'Kade 1, Rotterdam',
	onlineUrl: null,
	url: 'https://kennisnetwerk.example/evenementen/excursie'
});

describe('event .ics', () => {
	it('parses back to the same instants on the last Sundays of March and October', () => {
		for (const [start, end] of [
			['2026-03-29T01:30', '2026-03-29T04:00'],
			['2026-03-29T10:00', '2026-03-29T12:00'],
			['2026-10-25T01:30', '2026-10-25T04:00'],
			['2026-10-25T10:00', '2026-10-25T12:00']
		] as const) {
			const startsAt = amsterdamToUtc(start)!;
			const endsAt = amsterdamToUtc(end)!;
			const text = eventsIcs([base(startsAt, endsAt)]);
			expect(text).toContain(`DTSTART;TZID=Europe/Amsterdam:${start.replace(/[-:]/g, '')}00`);
			const [event] = parse(text);
			expect(event!.startDate.zone?.tzid).toBe('Europe/Amsterdam');
			expect(event!.startDate.toJSDate().toISOString()).toBe(startsAt);
			expect(event!.endDate.toJSDate().toISOString()).toBe(endsAt);
			expect(event!.summary).toBe('Excursie: circulaire haven');
		}
	});

	it('has the meeting link only in a registrant copy', () => {
		const startsAt = '2026-06-01T08:00:00.000Z';
		const endsAt = '2026-06-01T10:00:00.000Z';
		const publicCopy = eventsIcs([base(startsAt, endsAt)]);
		const mine = eventsIcs([
			{ ...base(startsAt, endsAt), onlineUrl: 'https://meet.example.org/x' }
		]);
		expect(publicCopy).not.toContain('meet.example.org');
		const [event] = parse(mine);
		expect(event!.description).toContain('https://meet.example.org/x');
		expect(event!.location).toContain('Kade 1, Rotterdam');
	});
});
