/**
 * Baseline for the fleet rows of the sync bench: an HTTP server that reads a push body, parses it
 * and answers every mutation "applied", nothing else. It runs as its own process on 127.0.0.1,
 * like the head-office service it is compared with. `node --import tsx sync-fleet-baseline.ts PORT`
 */
import http from 'node:http';

export const BASELINE_SERVER_FILE = __filename;

function serve(port: number) {
  let version = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let answer: unknown = { status: 'ok' };
      if (req.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { mutations: { mutationId: string }[] };
        answer = { results: body.mutations.map((m) => ({ mutationId: m.mutationId, status: 'applied', version: ++version })) };
      }
      const out = Buffer.from(JSON.stringify(answer));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(out.length) });
      res.end(out);
    });
  });
  // Fastify's default, so both servers keep a device's connection between its pushes.
  server.keepAliveTimeout = 72_000;
  server.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

if (require.main === module) serve(Number(process.argv[2]));
