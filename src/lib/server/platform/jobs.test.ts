import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './jobs';

describe('backoffSeconds', () => {
	it('doubles per attempt, between half and all of the exponential delay', () => {
		expect(backoffSeconds(1, () => 0)).toBe(5);
		expect(backoffSeconds(1, () => 1)).toBe(10);
		expect(backoffSeconds(2, () => 0)).toBe(10);
		expect(backoffSeconds(4, () => 1)).toBe(80);
	});

	it('never waits more than an hour', () => {
		expect(backoffSeconds(30, () => 1)).toBe(3600);
		expect(backoffSeconds(30, () => 0)).toBe(1800);
	});

	it('spreads retries with jitter', () => {
		const delays = new Set(Array.from({ length: 20 }, () => backoffSeconds(3)));
		expect(delays.size).toBeGreaterThan(1);
		for (const d of delays) expect(d >= 20 && d <= 40).toBe(true);
	});
});
