import type { DB } from '../../db';
import type { Viewer } from '../viewer';
import { canCreateEvent, canOrganiseForPlatform } from './policy';
import {
	allNetworks,
	coordinatedNetworks,
	type EventDetailRow,
	filterChoices,
	organisableProgrammes
} from './queries';
import type { EventFields } from './schema';

/**
 * An event's current organiser, which its edit keeps possible (the form and the API) even for
 * someone who could not pick it anew; the platform stays possible for the platform's own events.
 */
export function currentOrganiser(event: EventDetailRow) {
	return {
		network: event.network_id ? { id: event.network_id, name: event.network_name ?? '' } : null,
		programme: event.programme_id
			? { id: event.programme_id, name: event.programme_title ?? '' }
			: null,
		platform: event.network_id === null && event.programme_id === null
	};
}

/**
 * What the event form (and the API) offers this person: formats, themes, provinces and the
 * organisers they may pick, with an edited event's current organiser.
 */
export async function formChoices(
	db: DB,
	viewer: Extract<Viewer, { kind: 'member' }>,
	current: ReturnType<typeof currentOrganiser> | null = null
) {
	const platform = canOrganiseForPlatform(viewer);
	const keepNetwork = current?.network ?? null;
	const keepProgramme = current?.programme ?? null;
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
		platform: platform || Boolean(current?.platform)
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

/** Whether this member may create events: staff, or coordinators of a network or programme. */
export async function mayCreateEvents(db: DB, viewer: Extract<Viewer, { kind: 'member' }>) {
	const [networks, programmes] = await Promise.all([
		coordinatedNetworks(db, viewer.userId),
		organisableProgrammes(db, viewer)
	]);
	return canCreateEvent(viewer, networks.length, programmes.length);
}
