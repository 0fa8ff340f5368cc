import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as a test's SMTP server received it. */
export interface ReceivedMail {
	/** The SMTP envelope's recipients, as the sending server gave them (lower case). */
	rcptTo: string[];
	mail: ParsedMail;
}

/** A real SMTP server on a free port that parses whatever it receives, for mail tests. */
export async function startSmtpServer() {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const rcptTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
			simpleParser(stream).then(
				(mail) => {
					received.push({ rcptTo, mail });
					callback();
				},
				(error: Error) => callback(error)
			);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		/** The parsed messages delivered to one address, in order of arrival. */
		to: (address: string) =>
			received.filter((r) => r.rcptTo.includes(address.toLowerCase())).map((r) => r.mail),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
