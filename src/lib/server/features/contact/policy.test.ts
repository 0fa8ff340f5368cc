import { describe, expect, it } from 'vitest';
import { declinedTooRecently, mayTakePart, type Relation, writeProblem } from './policy';
import { contactRequestSchema, messageProblem, plainText, sendMessageSchema } from './schema';

describe('who may write to whom', () => {
	const relation = (overrides: Partial<Relation> = {}): Relation => ({
		selfId: 'ik',
		other: { id: 'jij', status: 'active' },
		theyBlockedMe: false,
		iBlockedThem: false,
		...overrides
	});

	it('lets active members write to each other', () => {
		expect(writeProblem(relation())).toBeNull();
	});

	it.each([
		['self', relation({ other: { id: 'ik', status: 'active' } })],
		['not_found', relation({ other: undefined })],
		['not_found', relation({ other: { id: 'jij', status: 'applicant' } })],
		['unavailable', relation({ other: { id: 'jij', status: 'suspended' } })],
		['unavailable', relation({ other: null })],
		['blocked', relation({ theyBlockedMe: true })],
		['blocked', relation({ theyBlockedMe: true, iBlockedThem: true })],
		['you_blocked', relation({ iBlockedThem: true })]
	])('refuses with %s', (problem, input) => {
		expect(writeProblem(input)).toBe(problem);
	});

	it('lets only active members take part', () => {
		expect(mayTakePart({ status: 'active' })).toBe(true);
		expect(mayTakePart({ status: 'applicant' })).toBe(false);
		expect(mayTakePart({ status: 'suspended' })).toBe(false);
		expect(mayTakePart(null)).toBe(false);
	});

	it('pauses new requests for thirty days after a decline', () => {
		const now = new Date('2026-12-31T12:00:00Z');
		expect(declinedTooRecently(null, now)).toBe(false);
		expect(declinedTooRecently('2026-12-30T12:00:00Z', now)).toBe(true);
		expect(declinedTooRecently('2026-12-01T12:00:01Z', now)).toBe(true);
		expect(declinedTooRecently('2026-12-01T12:00:00Z', now)).toBe(false);
	});
});

describe('message text', () => {
	it('keeps line breaks and markup as typed, without control characters or outer space', () => {
		expect(plainText('  Hoi\r\nAnna,\r\rtot **morgen** <b>!</b>\u0000\u0007\t \n')).toBe(
			'Hoi\nAnna,\n\ntot **morgen** <b>!</b>'
		);
	});

	it('needs some text and at most 4000 characters', () => {
		expect(sendMessageSchema.parse({ body: ' Hallo ' })).toEqual({ body: 'Hallo' });
		const empty = sendMessageSchema.safeParse({ body: ' \r\n ' });
		expect(!empty.success && messageProblem(empty.error)).toBe('message_missing');
		const long = sendMessageSchema.safeParse({ body: 'a'.repeat(4001) });
		expect(!long.success && messageProblem(long.error)).toBe('message_too_long');
		expect(sendMessageSchema.safeParse({ body: `${'a'.repeat(4000)}  ` }).success).toBe(true);
		expect(contactRequestSchema.safeParse({ aan: '', message: 'Hoi' }).success).toBe(false);
	});
});
