/**
 * Related items: a score from shared themes and text similarity, computed when an item is
 * written (mutations.ts stores the best ten per item), never on a page view. Pure functions.
 */

const STOPWORDS = new Set(
	(
		'aan als bij dan dat de den der des deze die dit door een eens en er ge had heb hebben heeft het hier hij hoe hun ik in is je kan kon maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden zal ze zei zelf zich zij zijn zo zonder zou ' +
		'wordt werden hebt zijn kunnen moeten willen onze jullie hun haar hen heel alle elke iedere andere nieuwe goed goede meer minder waar wanneer welke welk zoals samen ander echter the and for with'
	).split(' ')
);

/** The distinctive words of a text: lower case, four letters or more, no stop words, at most 60. */
export function terms(text: string): string[] {
	const counts = new Map<string, number>();
	for (const raw of text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^a-z0-9]+/)) {
		if (raw.length < 4 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
		// A crude Dutch stem: plural and diminutive endings, so "ondernemers" meets "ondernemer".
		const word = raw.replace(/(tjes|jes|en|es|s)$/, '') || raw;
		counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return [...counts.entries()]
		.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
		.slice(0, 60)
		.map(([w]) => w);
}

export interface RelatedCandidate {
	id: string;
	themes: string[];
	terms: string[];
}

/** Shared themes weigh most; text overlap (Jaccard of the terms) decides between them. */
export function relatedScore(a: RelatedCandidate, b: RelatedCandidate): number {
	const themesB = new Set(b.themes);
	const sharedThemes = a.themes.filter((t) => themesB.has(t)).length;
	const termsB = new Set(b.terms);
	const sharedTerms = a.terms.filter((t) => termsB.has(t)).length;
	const union = new Set([...a.terms, ...b.terms]).size;
	const text = union === 0 ? 0 : sharedTerms / union;
	return sharedThemes + 4 * text;
}

/** The best `limit` others for one item, best first; nothing that shares neither theme nor text. */
export function bestRelated(
	item: RelatedCandidate,
	others: RelatedCandidate[],
	limit = 10
): { id: string; score: number }[] {
	return others
		.filter((o) => o.id !== item.id)
		.map((o) => ({ id: o.id, score: relatedScore(item, o) }))
		.filter((r) => r.score > 0.05)
		.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
		.slice(0, limit);
}
