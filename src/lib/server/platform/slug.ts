/** URL-safe slug from a Dutch name: "'s-Hertogenbosch" -> "s-hertogenbosch", "Fryslân" -> "fryslan". */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
