import { describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { memo } from './memo';

const dbA = {} as DB;
const dbB = {} as DB;

describe('memo', () => {
	it('asks once per key and database within the time, again after it or after forget', async () => {
		const asked: string[] = [];
		const figures = memo(1000, async (_db, key) => {
			asked.push(key);
			return asked.length;
		});
		expect(await figures.get(dbA, 'x', 0)).toBe(1);
		expect(await figures.get(dbA, 'x', 999)).toBe(1);
		expect(await figures.get(dbB, 'x', 999)).toBe(2);
		expect(await figures.get(dbA, 'y', 999)).toBe(3);
		expect(await figures.get(dbA, 'x', 1000)).toBe(4);
		figures.forget(dbA, 'x');
		expect(await figures.get(dbA, 'x', 1001)).toBe(5);
		expect(asked).toEqual(['x', 'x', 'y', 'x', 'x']);
	});

	it('shares one query between concurrent requests and does not remember a failure', async () => {
		let calls = 0;
		const figures = memo(1000, async () => {
			calls++;
			if (calls === 1) throw new Error('database unavailable');
			return calls;
		});
		const [a, b] = await Promise.allSettled([figures.get(dbA, 'k', 0), figures.get(dbA, 'k', 1)]);
		expect(a.status).toBe('rejected');
		expect(b.status).toBe('rejected');
		expect(calls).toBe(1);
		expect(await figures.get(dbA, 'k', 2)).toBe(2);
	});
});
