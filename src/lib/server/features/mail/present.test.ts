import { describe, expect, it } from 'vitest';
import { parseMailStatus, presentOutboxMessage } from './present';

describe('mail presenters', () => {
	it('accepts only known statuses from a query string', () => {
		expect(parseMailStatus('stored')).toBe('stored');
		expect(parseMailStatus('')).toBeUndefined();
		expect(parseMailStatus('deleted')).toBeUndefined();
		expect(parseMailStatus(null)).toBeUndefined();
	});

	it('turns an outbox row into what the page shows, keeping HTML as source text', () => {
		expect(
			presentOutboxMessage({
				id: 'm1',
				to_address: 'lid@gemeente.example',
				subject: 'Welkom',
				text_body: 'Hallo',
				html_body: '<script>alert(1)</script>',
				kind: 'approval',
				status: 'sent',
				attempts: 1,
				last_error: null,
				created_at: '2026-11-29T12:00:00.000Z',
				sent_at: '2026-11-29T12:00:05.000Z'
			})
		).toEqual({
			id: 'm1',
			to: 'lid@gemeente.example',
			subject: 'Welkom',
			kind: 'approval',
			status: 'sent',
			createdAt: '2026-11-29T12:00:00.000Z',
			sentAt: '2026-11-29T12:00:05.000Z',
			text: 'Hallo',
			htmlSource: '<script>alert(1)</script>',
			attempts: 1,
			lastError: null
		});
	});
});
