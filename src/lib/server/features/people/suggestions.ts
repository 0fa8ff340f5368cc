/**
 * "Wie deed dit al?": the members in other provinces whose work overlaps most with one member's,
 * each with the reasons in words. Pure: queries.ts (suggestionsFor) gathers the candidates and
 * hands them here; a test can check every score by hand.
 *
 * The score is a sum of points, each with the reason it gives:
 *
 * | points | for                                                                      | reason                                   |
 * | ------ | ------------------------------------------------------------------------ | ---------------------------------------- |
 * | 3      | each theme both work on                                                  | werkt ook aan Circulaire economie         |
 * | 4      | each topic of the candidate's "vraag me over" that answers the member's  | kan helpen met regionaal accountmanagement |
 * |        | "ik zoek" (at most 3 topics)                                              |                                          |
 * | 1      | each network both belong to (at most 3); public and members-only         | zit ook in MKB-Deals                     |
 * |        | networks only, so a suggestion never reveals a private one               |                                          |
 * | 2      | each knowledge item the candidate wrote on one of the member's themes     | schreef over …                           |
 * |        | (at most 3; once the knowledge library exists)                            |                                          |
 * | 1      | each event both attended (at most 3; once events exist)                  | was ook bij …                            |
 *
 * Only other members with a province other than the member's and at least one point qualify.
 * Order: highest score first; on equal scores the more recently active member first (never
 * active counts as least recent), then by id. At most five.
 *
 * A topic is one item of "vraag me over" as the member wrote it, split on new lines, commas,
 * semicolons and bullets. It answers "ik zoek" when one of its words matches one of the words
 * of "ik zoek": equal, or one begins with the other and the shorter has at least five letters
 * ("subsidie" and "subsidies"), or one ends with the other and the shorter has at least six
 * (compounds: "bezoeken" and "bedrijfsbezoeken"). Words are taken in lower case
 * without accents, of at least three letters, leaving out common Dutch words and the words
 * everyone here uses (STOPWORDS).
 */

export const POINTS = { theme: 3, helpsWith: 4, network: 1, knowledge: 2, event: 1 } as const;
/** At most this many topics, networks, knowledge items and events count. */
export const MAX_COUNTED = 3;
export const MAX_SUGGESTIONS = 5;

export interface Named {
	id: string;
	name: string;
}

export interface SuggestionSubject {
	id: string;
	provinceCode: string | null;
	themes: Named[];
	/** Ids of the public and members-only networks the member belongs to. */
	networkIds: string[];
	lookingFor: string | null;
	/** Events the member attended (once events exist). */
	eventIds?: string[];
}

export interface SuggestionCandidate {
	id: string;
	provinceCode: string | null;
	lastActiveAt: string | null;
	themes: Named[];
	/** Public and members-only networks only. */
	networks: Named[];
	askMeAbout: string | null;
	/** What the candidate wrote in the knowledge library (once it exists). */
	knowledge?: { title: string; themeIds: string[] }[];
	/** Events the candidate attended (once events exist). */
	events?: { id: string; title: string }[];
}

export type SuggestionReason =
	| { kind: 'themes'; names: string[] }
	| { kind: 'helps_with'; topics: string[] }
	| { kind: 'networks'; names: string[] }
	| { kind: 'knowledge'; titles: string[] }
	| { kind: 'events'; titles: string[] };

export interface Scored<C extends SuggestionCandidate = SuggestionCandidate> {
	candidate: C;
	score: number;
	reasons: SuggestionReason[];
}

/**
 * Words that say nothing about a subject: common Dutch (and a few English) words, and the words
 * nearly every member of this network uses (mkb, ondernemers, gemeente, regionaal, …).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
	(
		'aan aanpak aanpakken alle alles als and andere bedrijf bedrijven bij collega collegas dan ' +
		'dat deze die dit door een en ervaring ervaringen for gemeente gemeenten goed goede graag heb ' +
		'hebben help helpen het hoe hun ideeen ik in is je jullie kan kleine kunnen maar manieren mee ' +
		'meer met mijn mkb naar niet nog of om onder ondernemen ondernemer ondernemers ons onze ook op ' +
		'over provincie regio regionaal regionale samen samenwerking the tips tot uit van veel voor ' +
		'vooral voorbeeld voorbeelden vraag vragen wat we welke werk werken wie wil willen with zijn ' +
		'zoek zoeken zou'
	).split(' ')
);

/** The words of a text that can carry a subject, in lower case without accents. */
export function keywords(text: string | null | undefined): string[] {
	if (!text) return [];
	const words = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length >= 3 && !STOPWORDS.has(w));
	return [...new Set(words)];
}

/**
 * Equal; or one begins with the other and the shorter has at least five letters; or one ends
 * with the other and the shorter has at least six (a Dutch compound: "bedrijfsbezoeken").
 */
export function wordsMatch(a: string, b: string): boolean {
	if (a === b) return true;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	return (
		(short.length >= 5 && long.startsWith(short)) || (short.length >= 6 && long.endsWith(short))
	);
}

/** The items of "vraag me over", as written (trimmed, at most 80 characters each). */
export function topics(text: string | null | undefined): string[] {
	if (!text) return [];
	return text
		.split(/[\n\r,;•·|]+/)
		.map((t) => t.trim().replace(/\.$/, '').trim())
		.filter((t) => t.length > 1)
		.map((t) => (t.length > 80 ? `${t.slice(0, 79).trimEnd()}…` : t));
}

/** A topic in running text: lower case first letter, unless it starts with an abbreviation. */
function inSentence(topic: string): string {
	const [first, second] = topic;
	if (first && second && second === second.toLowerCase() && second !== second.toUpperCase()) {
		return first.toLowerCase() + topic.slice(1);
	}
	return topic;
}

/** The points and reasons for one candidate, or null when the candidate does not qualify. */
export function scoreCandidate<C extends SuggestionCandidate>(
	subject: SuggestionSubject,
	candidate: C
): Scored<C> | null {
	if (candidate.id === subject.id) return null;
	if (!candidate.provinceCode || candidate.provinceCode === subject.provinceCode) return null;

	let score = 0;
	const reasons: SuggestionReason[] = [];

	const subjectThemes = new Set(subject.themes.map((t) => t.id));
	const sharedThemes = candidate.themes.filter((t) => subjectThemes.has(t.id));
	if (sharedThemes.length > 0) {
		score += POINTS.theme * sharedThemes.length;
		reasons.push({ kind: 'themes', names: sharedThemes.map((t) => t.name) });
	}

	const wanted = keywords(subject.lookingFor);
	if (wanted.length > 0) {
		const helping = topics(candidate.askMeAbout)
			.filter((topic) => keywords(topic).some((w) => wanted.some((x) => wordsMatch(w, x))))
			.slice(0, MAX_COUNTED);
		if (helping.length > 0) {
			score += POINTS.helpsWith * helping.length;
			reasons.push({ kind: 'helps_with', topics: helping.map(inSentence) });
		}
	}

	const subjectNetworks = new Set(subject.networkIds);
	const sharedNetworks = candidate.networks
		.filter((n) => subjectNetworks.has(n.id))
		.slice(0, MAX_COUNTED);
	if (sharedNetworks.length > 0) {
		score += POINTS.network * sharedNetworks.length;
		reasons.push({ kind: 'networks', names: sharedNetworks.map((n) => n.name) });
	}

	const written = (candidate.knowledge ?? [])
		.filter((k) => k.themeIds.some((id) => subjectThemes.has(id)))
		.slice(0, MAX_COUNTED);
	if (written.length > 0) {
		score += POINTS.knowledge * written.length;
		reasons.push({ kind: 'knowledge', titles: written.map((k) => k.title) });
	}

	const subjectEvents = new Set(subject.eventIds ?? []);
	const together = (candidate.events ?? [])
		.filter((e) => subjectEvents.has(e.id))
		.slice(0, MAX_COUNTED);
	if (together.length > 0) {
		score += POINTS.event * together.length;
		reasons.push({ kind: 'events', titles: together.map((e) => e.title) });
	}

	return score > 0 ? { candidate, score, reasons } : null;
}

/** Highest score first; then the more recently active (never active last); then by id. */
export function compareScored(a: Scored, b: Scored): number {
	if (a.score !== b.score) return b.score - a.score;
	const aActive = a.candidate.lastActiveAt ?? '';
	const bActive = b.candidate.lastActiveAt ?? '';
	if (aActive !== bActive) return aActive < bActive ? 1 : -1;
	return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
}

/** The best `limit` candidates for the subject, with their reasons. */
export function rankSuggestions<C extends SuggestionCandidate>(
	subject: SuggestionSubject,
	candidates: C[],
	limit = MAX_SUGGESTIONS
): Scored<C>[] {
	return candidates
		.map((c) => scoreCandidate(subject, c))
		.filter((s): s is Scored<C> => s !== null)
		.sort(compareScored)
		.slice(0, limit);
}
