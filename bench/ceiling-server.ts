import http from 'node:http';

// The ceiling: a bare node:http server that answers every request with the same 20 KB HTML page.
// bench/run.ts starts it in its own process, so it does not share an event loop with autocannon,
// and compares every app scenario with it.

const PAGE_BYTES = 20 * 1024;

function buildPage(): Buffer {
	const head =
		'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Plafond</title></head><body><main>';
	const tail = '</main></body></html>';
	const paragraph =
		'<p>Professionals van gemeenten, provincies en partners delen wat werkt voor het mkb.</p>\n';
	let body = '';
	while (head.length + body.length + paragraph.length + tail.length <= PAGE_BYTES) {
		body += paragraph;
	}
	const filler = ' '.repeat(PAGE_BYTES - head.length - body.length - tail.length);
	return Buffer.from(head + body + filler + tail, 'utf8');
}

const page = buildPage();
const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
	console.error(`ceiling-server: PORT must be a port number, got "${process.env.PORT}"`);
	process.exit(1);
}

const server = http.createServer((_req, res) => {
	res.writeHead(200, {
		'content-type': 'text/html; charset=utf-8',
		'content-length': page.length
	});
	res.end(page);
});
server.keepAliveTimeout = 5_000;
server.listen(port, '127.0.0.1');

const stop = () => {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
