import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../viewer';
import {
	buildDirectoryIndex,
	type DirectoryData,
	searchDirectoryIndex,
	suggestFromIndex
} from './directory';
import { directoryFromPage } from './schema';
import { rankSuggestions } from './suggestions';

const THEMES = ['circulair', 'digitaal', 'export', 'personeel', 'geld'].map((id) => ({
	id,
	name: `Thema ${id}`
}));
const NETWORKS = [
	{ id: 'n1', slug: 'open', name: 'Open', visibility: 'public', join_policy: 'open' },
	{ id: 'n2', slug: 'leden', name: 'Leden', visibility: 'members', join_policy: 'request' },
	{ id: 'n3', slug: 'geheim', name: 'Geheim', visibility: 'private', join_policy: 'invitation' }
] as const;

function data(members: Partial<DirectoryData['members'][number]>[]): DirectoryData {
	return {
		members: members.map((m, i) => ({
			id: `m${String(i).padStart(3, '0')}`,
			name: `Lid ${i}`,
			job_title: null,
			organisation_id: null,
			province_code: 'NL-UT',
			field_role_id: null,
			last_active_at: null,
			ask_me_about: null,
			looking_for: null,
			...m
		})),
		memberThemes: [],
		memberships: [],
		organisations: [
			{ id: 'o1', slug: 'gemeente-a', name: 'Gemeente A', type_id: 'gemeente' },
			{ id: 'o2', slug: 'provincie-b', name: 'Provincie B', type_id: 'provincie' }
		],
		provinces: ['NL-GR', 'NL-UT', 'NL-ZH', 'NL-LI'].map((code) => ({ code, name: code })),
		organisationTypes: [
			{ id: 'gemeente', name: 'Gemeente' },
			{ id: 'provincie', name: 'Provincie' }
		],
		themes: THEMES,
		roles: [{ id: 'adviseur', name: 'Adviseur' }],
		networks: [...NETWORKS]
	};
}

const member = (userId: string): Viewer => ({ kind: 'member', userId, role: 'member' });
const ask = (index: ReturnType<typeof buildDirectoryIndex>, params: string, viewer: Viewer) =>
	searchDirectoryIndex(index, directoryFromPage(new URLSearchParams(params)), viewer, 2);

describe('the directory index', () => {
	it('sorts by name as Dutch readers expect, and by activity', () => {
		const d = data([
			{ name: 'émile Zand', last_active_at: '2026-11-02T00:00:00.000Z' },
			{ name: 'Zoë de Wit' },
			{ name: 'anna Bos', last_active_at: '2026-11-20T00:00:00.000Z' },
			{ name: 'Bert 10' },
			{ name: 'Bert 9' }
		]);
		const index = buildDirectoryIndex(d);
		const viewer = member('m000');
		const all = (params: string) => {
			const pages: string[] = [];
			for (let p = 1; p <= 3; p++) pages.push(...ask(index, `${params}&pagina=${p}`, viewer).ids);
			return pages.map((id) => d.members.find((m) => m.id === id)!.name);
		};
		expect(all('')).toEqual(['anna Bos', 'Bert 9', 'Bert 10', 'émile Zand', 'Zoë de Wit']);
		expect(all('sorteer=actief')).toEqual([
			'anna Bos',
			'émile Zand',
			'Bert 9',
			'Bert 10',
			'Zoë de Wit'
		]);
	});

	it('counts private networks only for those who may see them', () => {
		const d = data([{ name: 'Een' }, { name: 'Twee' }, { name: 'Drie' }]);
		d.memberships = [
			{ network_id: 'n3', user_id: 'm000', role: 'member' },
			{ network_id: 'n3', user_id: 'm001', role: 'member' },
			{ network_id: 'n1', user_id: 'm002', role: 'member' }
		];
		const index = buildDirectoryIndex(d);
		const outsider = ask(index, 'netwerk=geheim', member('m002'));
		expect(outsider.unknown).toEqual(['network']);
		expect(outsider.total).toBe(3);
		expect(outsider.facets.network.map((n) => n.value)).toEqual(['open', 'leden']);
		const insider = ask(index, 'netwerk=geheim', member('m000'));
		expect(insider.total).toBe(2);
		expect(insider.facets.network.map((n) => [n.value, n.count])).toEqual([
			['open', 1],
			['leden', 0],
			['geheim', 2]
		]);
		const admin = ask(index, 'netwerk=geheim', { kind: 'member', userId: 'x', role: 'admin' });
		expect(admin.total).toBe(2);
		expect(ask(index, 'netwerk=geheim', { kind: 'visitor' }).unknown).toEqual(['network']);
	});

	it('answers a repeated question from memory, for each set of visible networks its own', () => {
		const d = data([{ name: 'Een' }, { name: 'Twee' }, { name: 'Drie' }]);
		d.memberships = [{ network_id: 'n3', user_id: 'm000', role: 'member' }];
		const index = buildDirectoryIndex(d);
		// The insider first: an outsider asking the same afterwards still does not see the network.
		const insider = ask(index, 'netwerk=geheim', member('m000'));
		expect(insider.total).toBe(1);
		expect(ask(index, 'netwerk=geheim', member('m000'))).toBe(insider);
		const outsider = ask(index, 'netwerk=geheim', member('m001'));
		expect(outsider.unknown).toEqual(['network']);
		expect(outsider.facets.network.map((n) => n.value)).toEqual(['open', 'leden']);
		// A new build (a change) answers anew.
		d.memberships = [];
		const rebuilt = buildDirectoryIndex(d);
		expect(ask(rebuilt, 'netwerk=geheim', member('m000')).unknown).toEqual(['network']);
	});

	// Random networks of members: suggestFromIndex must give exactly what scoring everyone gives.
	const words = ['exportbegeleiding', 'subsidies', 'bedrijfsbezoeken', 'circulaire', 'personeel'];
	const arbitraryMember = fc.record({
		province: fc.constantFrom('NL-GR', 'NL-UT', 'NL-ZH', 'NL-LI', null),
		themes: fc.subarray(THEMES.map((t) => t.id)),
		networks: fc.subarray(['n1', 'n2', 'n3']),
		ask: fc.option(fc.array(fc.constantFrom(...words, 'bezoeken', 'subsidie'), { maxLength: 4 })),
		seek: fc.option(fc.array(fc.constantFrom(...words), { maxLength: 3 })),
		active: fc.option(fc.constantFrom('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'))
	});

	it('suggests exactly what scoring every member would', () => {
		fc.assert(
			fc.property(fc.array(arbitraryMember, { minLength: 2, maxLength: 40 }), (people) => {
				const d = data(
					people.map((p) => ({
						province_code: p.province,
						last_active_at: p.active,
						ask_me_about: p.ask?.join(', ') ?? null,
						looking_for: p.seek?.join(', ') ?? null
					}))
				);
				d.memberThemes = people.flatMap((p, i) =>
					p.themes.map((theme_id) => ({ user_id: d.members[i]!.id, theme_id }))
				);
				d.memberships = people.flatMap((p, i) =>
					p.networks.map((network_id) => ({
						network_id,
						user_id: d.members[i]!.id,
						role: 'member' as const
					}))
				);
				const index = buildDirectoryIndex(d);
				const themesOf = (id: string) =>
					THEMES.filter((t) => d.memberThemes.some((r) => r.user_id === id && r.theme_id === t.id));
				const openNetworksOf = (id: string) =>
					NETWORKS.filter(
						(n) =>
							n.visibility !== 'private' &&
							d.memberships.some((r) => r.user_id === id && r.network_id === n.id)
					).map((n) => ({ id: n.id, name: n.name }));
				const everyone = d.members.map((m) => ({
					id: m.id,
					provinceCode: m.province_code,
					lastActiveAt: m.last_active_at,
					themes: themesOf(m.id),
					networks: openNetworksOf(m.id),
					askMeAbout: m.ask_me_about
				}));
				for (const subject of d.members) {
					const expected = rankSuggestions(
						{
							id: subject.id,
							provinceCode: subject.province_code,
							themes: themesOf(subject.id),
							networkIds: openNetworksOf(subject.id).map((n) => n.id),
							lookingFor: subject.looking_for
						},
						everyone
					);
					const found = suggestFromIndex(index, subject.id);
					expect(found.map((s) => [s.candidate.id, s.score, s.reasons])).toEqual(
						expected.map((s) => [s.candidate.id, s.score, s.reasons])
					);
				}
			}),
			{ numRuns: 150 }
		);
	});
});
