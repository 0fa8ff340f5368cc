import { describe, expect, it } from 'vitest';
import { amsterdamToUtc, formatRange, formatTime, utcToAmsterdamLocal } from './time';

describe('event times in Europe/Amsterdam', () => {
	it('turns Amsterdam wall-clock times into UTC on both sides of the March change', () => {
		// 29 March 2026 is the last Sunday of March: clocks go from 02:00 to 03:00.
		expect(amsterdamToUtc('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
		expect(amsterdamToUtc('2026-03-29T10:00')).toBe('2026-03-29T08:00:00.000Z');
		// 02:30 does not exist that night.
		expect(amsterdamToUtc('2026-03-29T02:30')).toBeNull();
	});

	it('takes the first of the twice-occurring hour in October', () => {
		// 25 October 2026 is the last Sunday of October: clocks go from 03:00 back to 02:00.
		expect(amsterdamToUtc('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
		expect(amsterdamToUtc('2026-10-25T10:00')).toBe('2026-10-25T09:00:00.000Z');
	});

	it('shows UTC instants as Amsterdam times and round-trips the form value', () => {
		expect(formatTime('2026-03-29T08:00:00.000Z')).toBe('10:00');
		expect(formatTime('2026-10-25T09:00:00.000Z')).toBe('10:00');
		expect(utcToAmsterdamLocal('2026-10-25T09:00:00.000Z')).toBe('2026-10-25T10:00');
		expect(formatRange('2026-03-29T08:00:00.000Z', '2026-03-29T10:30:00.000Z')).toBe(
			'zondag 29 maart 2026, 10:00–12:30'
		);
		// The night clocks go back: 01:30 is still summer time, 10:00 winter time.
		expect(formatRange('2026-10-24T23:30:00.000Z', '2026-10-25T09:00:00.000Z')).toBe(
			'zondag 25 oktober 2026, 01:30–10:00'
		);
		expect(formatRange('2026-10-25T09:00:00.000Z', '2026-10-25T11:00:00.000Z', 'en')).toBe(
			'Sunday, 25 October 2026, 10:00–12:00'
		);
	});

	it('takes a time with its offset as that instant, so either 02:30 of the October night can be meant', () => {
		expect(amsterdamToUtc('2026-10-25T02:30:00+02:00')).toBe('2026-10-25T00:30:00.000Z');
		expect(amsterdamToUtc('2026-10-25T02:30:00+01:00')).toBe('2026-10-25T01:30:00.000Z');
		expect(amsterdamToUtc('2026-03-29T08:00:00Z')).toBe('2026-03-29T08:00:00.000Z');
		expect(amsterdamToUtc('2026-03-29T08:00:00.250Z')).toBe('2026-03-29T08:00:00.250Z');
		expect(amsterdamToUtc('2026-02-30T10:00:00Z')).toBeNull();
		expect(amsterdamToUtc('2026-02-28T24:00:00+01:00')).toBeNull();
		expect(amsterdamToUtc('2026-02-28T10:00:00+1')).toBeNull();
	});

	it('refuses what is not a time', () => {
		expect(amsterdamToUtc('')).toBeNull();
		expect(amsterdamToUtc('2026-13-01T10:00')).toBeNull();
		expect(amsterdamToUtc('morgen')).toBeNull();
	});
});
