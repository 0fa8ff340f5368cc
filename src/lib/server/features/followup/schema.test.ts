import { describe, expect, it } from 'vitest';
import { evaluationSchema, materialsSettingsSchema } from './schema';

describe('materials settings', () => {
	const parse = (recordingUrl: string) =>
		materialsSettingsSchema.safeParse({ visibility: 'participants', recordingUrl }).success;

	it('takes an http or https link, or none', () => {
		expect(parse('')).toBe(true);
		expect(parse('  https://video.example.org/opname?t=10  ')).toBe(true);
		expect(parse('http://slides.example.nl/sessie')).toBe(true);
	});

	it('refuses other schemes and non-addresses', () => {
		for (const bad of [
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'ftp://files.example.org/x',
			'file:///etc/passwd',
			'video.example.org',
			'https://'
		]) {
			expect(parse(bad), bad).toBe(false);
		}
	});

	it('knows only the two audiences', () => {
		expect(
			materialsSettingsSchema.safeParse({ visibility: 'public', recordingUrl: '' }).success
		).toBe(false);
	});
});

describe('evaluation', () => {
	it('takes a score of 1 to 5 and two optional answers', () => {
		expect(evaluationSchema.parse({ score: '4', valuable: ' De sprekers ', better: '' })).toEqual({
			score: 4,
			valuable: 'De sprekers',
			better: ''
		});
		for (const score of ['0', '6', '3.5', '', 'vijf']) {
			expect(evaluationSchema.safeParse({ score, valuable: '', better: '' }).success, score).toBe(
				false
			);
		}
		expect(
			evaluationSchema.safeParse({ score: '3', valuable: 'x'.repeat(2001), better: '' }).success
		).toBe(false);
	});
});
