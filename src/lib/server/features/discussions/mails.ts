/** The e-mails of discussions, in Dutch. Pure functions. */

export interface DiscussionMail {
	subject: string;
	text: string;
}

const signature = '\n\nMet vriendelijke groet,\nKennisnetwerk Regionale Economie';

/** The address of a thread (and a reply in it) on the site. */
export function threadUrl(
	origin: string,
	networkSlug: string,
	threadId: string,
	options: { page?: number; replyId?: string } = {}
): string {
	const url = new URL(`/netwerken/${networkSlug}/discussies/${threadId}`, origin);
	if (options.page && options.page > 1) url.searchParams.set('pagina', String(options.page));
	if (options.replyId) url.hash = `reactie-${options.replyId}`;
	return url.toString();
}

/** Someone mentioned you (@Naam) in a thread or a reply. */
export function mentionMail(input: {
	recipientName: string;
	authorName: string;
	networkName: string;
	threadTitle: string;
	inReply: boolean;
	url: string;
}): DiscussionMail {
	const where = input.inReply
		? `in een reactie op “${input.threadTitle}”`
		: `in de discussie “${input.threadTitle}”`;
	return {
		subject: `${input.authorName} noemde je in ${input.networkName}`,
		text:
			`Beste ${input.recipientName},\n\n` +
			`${input.authorName} heeft je genoemd ${where} in het netwerk ${input.networkName}. ` +
			`Lees het bericht en reageer als je wilt:\n\n` +
			`${input.url}\n\n` +
			'Je krijgt deze e-mail omdat je lid bent van dit netwerk en iemand je naam met een @ ' +
			'ervoor noemde.' +
			signature
	};
}
