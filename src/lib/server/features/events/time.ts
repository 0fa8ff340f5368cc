/**
 * Event times: stored as UTC instants, entered and shown in Europe/Amsterdam. Pure functions
 * over Intl, so daylight-saving changes (last Sunday of March and of October) come out right.
 */

export const EVENT_TIME_ZONE = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: EVENT_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

export interface LocalParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

/** The wall-clock time in Amsterdam at an instant. */
export function amsterdamParts(instant: Date): LocalParts & { second: number } {
	// One formatToParts for all six fields: it is the costly part of listing events.
	const parts = partsFormat.formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	return {
		year: get('year'),
		month: get('month'),
		day: get('day'),
		hour: get('hour'),
		minute: get('minute'),
		second: get('second')
	};
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(instant: Date): number {
	const p = amsterdamParts(instant);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** An instant with its offset, as the API takes it: '2026-10-25T02:30:00+01:00' or '…Z'. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether this is a day of the calendar and a time of day (Date itself takes 30 February). */
function realDayAndTime(year: number, month: number, day: number, hour: number, minute: number) {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		month >= 1 &&
		month <= 12 &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		hour <= 23 &&
		minute <= 59
	);
}

/**
 * A wall-clock time in Amsterdam ('2026-03-29T10:00', as a datetime-local field posts it) as a
 * UTC ISO string; null when it is not a valid time or does not exist (the hour skipped in March).
 * A time that occurs twice (the hour repeated in October) means its first occurrence. A time
 * with its offset (or Z) is that instant, so the API can name either occurrence.
 */
export function amsterdamToUtc(local: string): string | null {
	const text = local.trim();
	const withOffset = INSTANT.exec(text);
	if (withOffset) {
		const [year, month, day, hour, minute] = withOffset.slice(1, 6).map(Number) as [
			number,
			number,
			number,
			number,
			number
		];
		const instant = new Date(text);
		if (!realDayAndTime(year, month, day, hour, minute) || Number.isNaN(instant.getTime())) {
			return null;
		}
		return instant.toISOString();
	}
	const m = LOCAL.exec(text);
	if (!m) return null;
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number
	];
	if (!realDayAndTime(year, month, day, hour, minute)) return null;
	const naive = Date.UTC(year, month - 1, day, hour, minute);
	// Try both offsets Amsterdam uses; the earlier instant that shows this wall-clock time wins.
	for (const offset of [120, 60]) {
		const instant = new Date(naive - offset * 60_000);
		const p = amsterdamParts(instant);
		if (
			p.year === year &&
			p.month === month &&
			p.day === day &&
			p.hour === hour &&
			p.minute === minute
		) {
			return instant.toISOString();
		}
	}
	return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a datetime-local field in Amsterdam time. */
export function utcToAmsterdamLocal(iso: string): string {
	const p = amsterdamParts(new Date(iso));
	return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const dateFormats = {
	nl: new Intl.DateTimeFormat('nl-NL', {
		timeZone: EVENT_TIME_ZONE,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}),
	en: new Intl.DateTimeFormat('en-GB', {
		timeZone: EVENT_TIME_ZONE,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	})
};
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: EVENT_TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/**
 * A pure function of a string, remembered: every list shows the same few hundred events again
 * and again, and formatting their times through Intl is the costly part of showing them. At most
 * `max` results are kept; then the memory starts afresh.
 */
function remembered(compute: (key: string) => string, max = 20_000): (key: string) => string {
	const results = new Map<string, string>();
	return (key) => {
		let result = results.get(key);
		if (result === undefined) {
			if (results.size >= max) results.clear();
			result = compute(key);
			results.set(key, result);
		}
		return result;
	};
}

const dateText = {
	nl: remembered((iso) => dateFormats.nl.format(new Date(iso))),
	en: remembered((iso) => dateFormats.en.format(new Date(iso)))
};
const timeText = remembered((iso) => timeFormat.format(new Date(iso)));
const dayOf = remembered((iso) => {
	const p = amsterdamParts(new Date(iso));
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
});

/** "zondag 29 maart 2026" */
export function formatDate(iso: string, locale: 'nl' | 'en' = 'nl'): string {
	return dateText[locale](iso);
}

/** "10:00" */
export function formatTime(iso: string): string {
	return timeText(iso);
}

/** "zondag 29 maart 2026, 10:00–12:30" (or with both dates when it spans days). */
export function formatRange(startsAt: string, endsAt: string, locale: 'nl' | 'en' = 'nl'): string {
	const startDate = formatDate(startsAt, locale);
	const endDate = formatDate(endsAt, locale);
	return startDate === endDate
		? `${startDate}, ${formatTime(startsAt)}–${formatTime(endsAt)}`
		: `${startDate} ${formatTime(startsAt)} – ${endDate} ${formatTime(endsAt)}`;
}

/** 'YYYY-MM' of an instant in Amsterdam. */
export function amsterdamMonth(iso: string): string {
	const p = amsterdamParts(new Date(iso));
	return `${p.year}-${pad(p.month)}`;
}

/** 'YYYY-MM-DD' of an instant in Amsterdam. */
export function amsterdamDay(iso: string): string {
	return dayOf(iso);
}
