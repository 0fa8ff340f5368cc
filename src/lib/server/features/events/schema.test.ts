import { describe, expect, it } from 'vitest';
import { type EventFields, parseAnswers, parseEvent, parseQuestions } from './schema';

const fields = (over: Partial<EventFields> = {}): EventFields => ({
	title: 'Excursie circulaire haven',
	summary: 'Een bezoek aan circulaire ondernemers in de haven.',
	formatId: 'excursie',
	programme: '',
	organiser: 'network:n1',
	visibility: 'members',
	startsAt: '2026-10-25T10:00',
	endsAt: '2026-10-25T14:00',
	locationKind: 'on_site',
	venue: 'BlueCity',
	address: 'Maasboulevard 100, Rotterdam',
	onlineUrl: '',
	capacity: '15',
	registrationOpensAt: '',
	registrationClosesAt: '',
	questions: 'Wat wil je leren?*\nDieetwensen',
	speakers: 'Ruben Smit\nlid@gemeente.example',
	guestExperts: 'Dr. Anouk Veenstra',
	themes: ['circulaire-economie'],
	provinces: ['NL-ZH'],
	...over
});
const context = { formatIds: ['excursie', 'webinar'], networkIds: ['n1'] };
const problem = (over: Partial<EventFields>) => {
	const result = parseEvent(fields(over), context);
	return result.ok ? null : result.problem;
};

describe('the event form', () => {
	it('turns a valid form into UTC times, questions and speakers', () => {
		const result = parseEvent(fields(), context);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		// 25 October 2026: winter time again, UTC+1.
		expect(result.value.startsAt).toBe('2026-10-25T09:00:00.000Z');
		expect(result.value.capacity).toBe(15);
		expect(result.value.organiserKind).toBe('network');
		expect(result.value.questions).toEqual([
			{ id: 'wat-wil-je-leren', label: 'Wat wil je leren?', required: true },
			{ id: 'dieetwensen', label: 'Dieetwensen', required: false }
		]);
		expect(result.value.speakers.map((s) => [s.name, s.email, s.role])).toEqual([
			['Ruben Smit', null, 'speaker'],
			['lid@gemeente.example', 'lid@gemeente.example', 'speaker'],
			['Dr. Anouk Veenstra', null, 'guest_expert']
		]);
	});

	it('names the first problem: an end before the start, a bad capacity, a missing link', () => {
		expect(problem({ endsAt: '2026-10-25T09:00' })).toBe('ends_before_start');
		expect(problem({ endsAt: '2026-10-25T10:00' })).toBe('ends_before_start');
		expect(problem({ startsAt: '2026-03-29T02:30' })).toBe('starts_invalid');
		expect(problem({ capacity: '0' })).toBe('capacity_invalid');
		expect(problem({ capacity: 'twintig' })).toBe('capacity_invalid');
		expect(problem({ capacity: '' })).toBeNull();
		expect(problem({ locationKind: 'online', onlineUrl: 'meet' })).toBe('online_url_invalid');
		expect(problem({ locationKind: 'online', onlineUrl: 'javascript:alert(1)' })).toBe(
			'online_url_invalid'
		);
		expect(problem({ address: '' })).toBe('address_required');
		expect(
			problem({ locationKind: 'online', address: '', onlineUrl: 'https://meet.example' })
		).toBe(null);
		expect(problem({ organiser: 'network:n2' })).toBe('organiser_invalid');
		expect(problem({ organiser: 'platform', visibility: 'network' })).toBe(
			'network_visibility_needs_network'
		);
		expect(problem({ formatId: 'concert' })).toBe('format_invalid');
		expect(
			problem({ registrationOpensAt: '2026-10-20T10:00', registrationClosesAt: '2026-10-19T10:00' })
		).toBe('registration_window_invalid');
		expect(problem({ registrationClosesAt: '2026-10-26T10:00' })).toBe(
			'registration_closes_invalid'
		);
		expect(problem({ title: 'ab' })).toBe('title_required');
	});

	it('asks the required questions and keeps the answers', () => {
		const questions = parseQuestions('Wat wil je leren?*\nDieetwensen');
		expect(parseAnswers(questions, () => '')).toEqual({ ok: false, missing: 'Wat wil je leren?' });
		expect(
			parseAnswers(questions, (id) => (id === 'wat-wil-je-leren' ? ' Samenwerken ' : undefined))
		).toEqual({ ok: true, answers: { 'wat-wil-je-leren': 'Samenwerken' } });
	});
});
