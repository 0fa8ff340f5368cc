import type { EventSubject } from './policy';
import type { EventDetailRow, EventListRow, RegistrationRow } from './queries';
import { registrationState } from './mutations';
import { type EventFields, questionsText } from './schema';
import { amsterdamDay, formatRange, formatTime, utcToAmsterdamLocal } from './time';

/** Rows -> what pages and the API show. Times stay UTC instants; `when` is Amsterdam text. */

export type Locale = 'nl' | 'en';

export const mapUrl = (address: string) =>
	`https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

/** Who organises an event: its programme, else its network (or the platform). */
function organiserOf(row: EventListRow) {
	return row.programme_id && row.programme_slug
		? {
				kind: 'programme' as const,
				name: row.programme_title ?? '',
				slug: row.programme_slug,
				href: `/programmas/${row.programme_slug}`
			}
		: {
				kind: row.organiser_kind,
				name: row.network_name ?? '',
				slug: row.network_slug ?? null,
				href: row.network_slug ? `/netwerken/${row.network_slug}` : null
			};
}

const isFull = (row: EventListRow) => row.capacity !== null && row.registered >= row.capacity;

/**
 * What an event card shows (the calendar's list, the home page), and no more: a page sends its
 * data along a second time for the browser, so every field left out is saved twice.
 */
export function presentEventCard(row: EventListRow, locale: Locale = 'nl', at?: string) {
	return {
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		format: { name: row.format_name },
		when: formatRange(row.starts_at, row.ends_at, locale),
		startsAt: row.starts_at,
		locationKind: row.location_kind,
		venue: row.venue,
		address: row.address,
		organiser: { name: organiserOf(row).name },
		capacity: row.capacity,
		registered: row.registered,
		full: isFull(row),
		over: row.ends_at <= (at ?? new Date().toISOString())
	};
}

/** An event in a cell of the month view. */
export function presentMonthEntry(row: EventListRow) {
	return {
		slug: row.slug,
		title: row.title,
		day: amsterdamDay(row.starts_at),
		startTime: formatTime(row.starts_at)
	};
}

export function presentEvent(row: EventListRow, locale: Locale = 'nl', at?: string) {
	const full = isFull(row);
	return {
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		format: { id: row.format_id, name: row.format_name },
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		when: formatRange(row.starts_at, row.ends_at, locale),
		day: amsterdamDay(row.starts_at),
		startTime: formatTime(row.starts_at),
		locationKind: row.location_kind,
		venue: row.venue,
		address: row.address,
		visibility: row.visibility,
		organiser: organiserOf(row),
		programme: row.programme_slug
			? { slug: row.programme_slug, title: row.programme_title ?? '' }
			: null,
		capacity: row.capacity,
		registered: row.registered,
		waitlisted: row.waitlisted,
		full,
		registrationOpen: registrationState(row, at) === 'open',
		registrationState: registrationState(row, at),
		themes: row.themes,
		provinces: row.provinces
	};
}

export type PresentedEvent = ReturnType<typeof presentEvent>;

/** What the policy needs to know about an event and the viewer's part in it. */
export function eventSubject(
	row: Pick<
		EventDetailRow,
		'visibility' | 'network_id' | 'networkRole' | 'programme_id' | 'programmeRole'
	>
): EventSubject {
	return {
		visibility: row.visibility,
		networkId: row.network_id,
		programmeId: row.programme_id,
		networkRole: row.networkRole,
		programmeRole: row.programmeRole
	};
}

/** The event page; the meeting link only for someone with a place (or who runs the event). */
export function presentEventDetail(
	row: EventDetailRow,
	options: { locale?: Locale; showLink: boolean; at?: string }
) {
	return {
		...presentEvent(row, options.locale ?? 'nl', options.at),
		id: row.id,
		programmeHtml: row.programme_html,
		speakers: row.speakers.map((s) => ({ name: s.name, role: s.role, memberId: s.user_id })),
		questions: row.questions,
		mapUrl: row.address ? mapUrl(row.address) : null,
		onlineUrl: options.showLink && row.online_url ? row.online_url : null,
		myRegistration: row.mine
			? {
					status: row.mine.status,
					position: row.mine.position,
					answers: row.mine.answers,
					viaProgramme: row.mine.via_programme
				}
			: null
	};
}

/** The fields pages show as text (when, day, time, state), which the API leaves out. */
function withoutPageText<T extends ReturnType<typeof presentEvent>>(event: T) {
	const {
		when: _when,
		day: _day,
		startTime: _time,
		registrationState: _state,
		full: _full,
		...rest
	} = event;
	return rest;
}

/** An event in the API's list (eventOutSchema). */
export function presentApiListEvent(row: EventListRow) {
	return {
		...withoutPageText(presentEvent(row)),
		timeZone: 'Europe/Amsterdam' as const,
		url: `/evenementen/${row.slug}`
	};
}

/** One event as the API shows it (eventDetailOutSchema): GET, and the answer to POST and PATCH. */
export function presentApiEvent(row: EventDetailRow, options: { showLink: boolean }) {
	const {
		id: _id,
		mapUrl: _map,
		myRegistration,
		...rest
	} = withoutPageText(presentEventDetail(row, { showLink: options.showLink }));
	return {
		...rest,
		timeZone: 'Europe/Amsterdam' as const,
		url: `/evenementen/${row.slug}`,
		myRegistration: myRegistration
			? { status: myRegistration.status, position: myRegistration.position }
			: null
	};
}

/**
 * The registrations as the API shows them to an event's organisers: places first, then the
 * waiting list in its order, each waiting one with its position (1 = next to get a place).
 */
export function presentApiRegistrations(rows: RegistrationRow[]) {
	let waiting = 0;
	return rows.map((r) => ({
		id: r.id,
		memberId: r.userId,
		name: r.name,
		email: r.email,
		organisation: r.organisation,
		guest: r.isGuest,
		status: r.status,
		position: r.status === 'waitlisted' ? ++waiting : null,
		answers: r.answers,
		attended: r.attended,
		registeredAt: r.createdAt
	}));
}

export function presentRegistration(r: RegistrationRow) {
	return {
		id: r.id,
		name: r.name,
		email: r.email,
		organisation: r.organisation ?? '',
		status: r.status,
		queueNumber: r.queueNumber,
		attended: r.attended,
		isGuest: r.isGuest,
		answers: r.answers,
		createdAt: r.createdAt
	};
}

/** Add-to-calendar links for Google and Outlook (without the meeting link: it is not public). */
export function calendarLinks(event: {
	title: string;
	summary: string;
	startsAt: string;
	endsAt: string;
	address: string;
	url: string;
}) {
	const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
	const details = `${event.summary}\n\n${event.url}`;
	const google = new URL('https://calendar.google.com/calendar/render');
	google.searchParams.set('action', 'TEMPLATE');
	google.searchParams.set('text', event.title);
	google.searchParams.set('dates', `${compact(event.startsAt)}/${compact(event.endsAt)}`);
	google.searchParams.set('details', details);
	if (event.address) google.searchParams.set('location', event.address);
	google.searchParams.set('ctz', 'Europe/Amsterdam');
	const outlook = new URL('https://outlook.office.com/calendar/0/deeplink/compose');
	outlook.searchParams.set('subject', event.title);
	outlook.searchParams.set('startdt', event.startsAt);
	outlook.searchParams.set('enddt', event.endsAt);
	outlook.searchParams.set('body', details);
	if (event.address) outlook.searchParams.set('location', event.address);
	outlook.searchParams.set('path', '/calendar/action/compose');
	return { google: google.toString(), outlook: outlook.toString() };
}

/** An event as the edit form's fields (times in Amsterdam), also to prefill a copy. */
export function eventFormFields(row: EventDetailRow): EventFields {
	return {
		title: row.title,
		summary: row.summary,
		formatId: row.format_id,
		programme: row.programme,
		organiser: row.programme_id
			? `programme:${row.programme_id}`
			: row.network_id
				? `network:${row.network_id}`
				: 'platform',
		visibility: row.visibility,
		startsAt: utcToAmsterdamLocal(row.starts_at),
		endsAt: utcToAmsterdamLocal(row.ends_at),
		locationKind: row.location_kind,
		venue: row.venue,
		address: row.address,
		onlineUrl: row.online_url,
		capacity: row.capacity === null ? '' : String(row.capacity),
		registrationOpensAt: row.registration_opens_at
			? utcToAmsterdamLocal(row.registration_opens_at)
			: '',
		registrationClosesAt: row.registration_closes_at
			? utcToAmsterdamLocal(row.registration_closes_at)
			: '',
		questions: questionsText(row.questions),
		speakers: row.speakers
			.filter((s) => s.role === 'speaker')
			.map((s) => s.name)
			.join('\n'),
		guestExperts: row.speakers
			.filter((s) => s.role === 'guest_expert')
			.map((s) => s.name)
			.join('\n'),
		themes: row.themes.map((t) => t.id),
		provinces: row.provinces.map((p) => p.code)
	};
}
