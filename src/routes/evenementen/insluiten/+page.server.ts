import {
	EMBED_DEFAULT_COUNT,
	EMBED_MAX_COUNT,
	embedSearch
} from '$lib/server/features/events/embed';
import { filterChoices } from '$lib/server/features/events/queries';
import { getConfig } from '$lib/server/platform/config';
import type { PageServerLoad } from './$types';

/** How partners embed the event list: a form that makes the code, and a live preview. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const choices = await filterChoices(locals.db);
	const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 100) ?? '';
	const pick = (value: string, allowed: string[]) => (allowed.includes(value) ? value : '');
	const aantal = Number(param('aantal'));
	const choice = {
		thema: pick(
			param('thema'),
			choices.themes.map((t) => t.id)
		),
		provincie: pick(
			param('provincie'),
			choices.provinces.map((p) => p.code)
		),
		formaat: pick(
			param('formaat'),
			choices.formats.map((f) => f.id)
		),
		aantal:
			Number.isInteger(aantal) && aantal >= 1 && aantal <= EMBED_MAX_COUNT
				? aantal
				: EMBED_DEFAULT_COUNT,
		taal: param('taal') === 'en' ? ('en' as const) : ('nl' as const)
	};
	const search = embedSearch(choice);
	return {
		choices: { themes: choices.themes, provinces: choices.provinces, formats: choices.formats },
		choice,
		maxCount: EMBED_MAX_COUNT,
		origin: getConfig().origin,
		htmlPath: `/embed/evenementen${search}`,
		jsonPath: `/embed/evenementen.json${search}`,
		// Room for the heading, the link below and three lines an event (a title may wrap).
		height: Math.min(1600, 120 + choice.aantal * 80)
	};
};
