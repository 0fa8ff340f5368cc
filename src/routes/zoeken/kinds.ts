import { m } from '$lib/paraglide/messages';

export type Kind =
	'knowledge' | 'discussion' | 'event' | 'programme' | 'network' | 'organisation' | 'member';

/** Each kind's name on the page, and its Dutch name in the address (?soort=...). */
export const KIND_LABELS: Record<Kind, () => string> = {
	knowledge: m.search_kind_knowledge,
	discussion: m.search_kind_discussion,
	event: m.search_kind_event,
	programme: m.psearch_kind_programme,
	network: m.search_kind_network,
	organisation: m.search_kind_organisation,
	member: m.search_kind_member
};

export const KIND_SLUGS: Record<Kind, string> = {
	knowledge: 'kennis',
	discussion: 'discussies',
	event: 'evenementen',
	programme: 'programmas',
	network: 'netwerken',
	organisation: 'organisaties',
	member: 'leden'
};
