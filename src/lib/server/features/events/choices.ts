import type { DB } from '../../db';
import type { Viewer } from '../viewer';
import { canOrganiseForPlatform } from './policy';
import { allNetworks, coordinatedNetworks, filterChoices, organisableProgrammes } from './queries';
import type { EventFields } from './schema';

/** What the event form offers this person: formats, themes, provinces and the organisers they may pick. */
export async function formChoices(
	db: DB,
	viewer: Extract<Viewer, { kind: 'member' }>,
	keepNetwork: { id: string; name: string } | null = null,
	keepProgramme: { id: string; name: string } | null = null
) {
	const platform = canOrganiseForPlatform(viewer);
	const [choices, networks, programmes] = await Promise.all([
		filterChoices(db),
		platform ? allNetworks(db) : coordinatedNetworks(db, viewer.userId),
		organisableProgrammes(db, viewer)
	]);
	const list = networks.map((n) => ({ id: n.id, name: n.name }));
	if (keepNetwork && !list.some((n) => n.id === keepNetwork.id)) list.push(keepNetwork);
	const series = programmes.map((p) => ({ id: p.id, name: p.name, slug: p.slug }));
	if (keepProgramme && !series.some((p) => p.id === keepProgramme.id)) {
		series.push({ ...keepProgramme, slug: '' });
	}
	return {
		formats: choices.formats,
		themes: choices.themes,
		provinces: choices.provinces,
		networks: list,
		programmes: series,
		platform
	};
}

export const emptyFields = (formatId: string, organiser: string): EventFields => ({
	title: '',
	summary: '',
	formatId,
	programme: '',
	organiser,
	visibility: 'members',
	startsAt: '',
	endsAt: '',
	locationKind: 'on_site',
	venue: '',
	address: '',
	onlineUrl: '',
	capacity: '',
	registrationOpensAt: '',
	registrationClosesAt: '',
	questions: '',
	speakers: '',
	guestExperts: '',
	themes: [],
	provinces: []
});
