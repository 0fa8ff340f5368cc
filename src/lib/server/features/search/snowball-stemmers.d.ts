// The package ships plain JavaScript (a UMD module); this is the part of it that the analyser uses.
declare module 'snowball-stemmers' {
	interface Stemmer {
		stem(word: string): string;
	}
	export function newStemmer(language: string): Stemmer;
	const snowball: { newStemmer: typeof newStemmer };
	export default snowball;
}
