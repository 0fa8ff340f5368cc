import { createEvents, type EventAttributes } from 'ics';
import { amsterdamParts, EVENT_TIME_ZONE } from './time';

/**
 * iCalendar files of events, built with `ics` and given the Europe/Amsterdam time zone: ics
 * writes UTC times, which we rewrite to local Amsterdam times with TZID and the zone's
 * definition (VTIMEZONE, the EU rules: summer time from the last Sunday of March to the last
 * Sunday of October), so calendars show the event in Dutch time also across the changes.
 */

export interface IcsEvent {
	id: string;
	title: string;
	summary: string;
	startsAt: string;
	endsAt: string;
	locationKind: 'on_site' | 'online' | 'hybrid';
	venue: string;
	address: string;
	/** Only in a registrant's own copy. */
	onlineUrl: string | null;
	url: string;
	updatedAt?: string;
	/** 'waitlisted' entries are marked tentative. */
	tentative?: boolean;
}

const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${EVENT_TIME_ZONE}`,
	`X-LIC-LOCATION:${EVENT_TIME_ZONE}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

const pad = (n: number) => String(n).padStart(2, '0');

function localStamp(isoUtc: string): string {
	const p = amsterdamParts(new Date(isoUtc));
	return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

const utcArray = (iso: string): [number, number, number, number, number] => {
	const d = new Date(iso);
	return [
		d.getUTCFullYear(),
		d.getUTCMonth() + 1,
		d.getUTCDate(),
		d.getUTCHours(),
		d.getUTCMinutes()
	];
};

function attributes(event: IcsEvent): EventAttributes {
	const place =
		event.locationKind === 'online' ? '' : [event.venue, event.address].filter(Boolean).join(', ');
	const location = [place, event.onlineUrl ?? ''].filter(Boolean).join(' / ') || undefined;
	const description = [
		event.summary,
		event.onlineUrl ? `Online: ${event.onlineUrl}` : '',
		event.url
	]
		.filter(Boolean)
		.join('\n\n');
	return {
		uid: `${event.id}@kennisnetwerk`,
		title: event.title,
		description,
		url: event.url,
		...(location ? { location } : {}),
		start: utcArray(event.startsAt),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: utcArray(event.endsAt),
		endInputType: 'utc',
		endOutputType: 'utc',
		status: event.tentative ? 'TENTATIVE' : 'CONFIRMED',
		productId: 'kennisnetwerk/evenementen',
		...(event.updatedAt ? { lastModified: utcArray(event.updatedAt) } : {})
	};
}

/** A calendar with the events; throws only on a programming error (invalid attributes). */
export function eventsIcs(events: IcsEvent[], calName?: string): string {
	const { error, value } = createEvents(events.map(attributes), {
		productId: 'kennisnetwerk/evenementen',
		...(calName ? { calName } : {})
	});
	if (error || !value) throw error ?? new Error('ics produced no calendar');
	const withZone = value
		.replace(/\r?\n/g, '\r\n')
		.replace(/^(DTSTART|DTEND):(\d{8}T\d{6})Z\r$/gm, (_all, name: string, stamp: string) => {
			const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
			return `${name};TZID=${EVENT_TIME_ZONE}:${localStamp(iso)}\r`;
		});
	// The zone's definition goes right before the first event.
	return withZone.replace('BEGIN:VEVENT', `${VTIMEZONE}\r\nBEGIN:VEVENT`);
}
