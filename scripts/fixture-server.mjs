// A local HTTPS server for the bundled demo site (and, later, site fixtures), with a
// self-signed certificate made at start. Chromium reaches it under real host names
// through --host-resolver-rules, so content scripts see the URLs they match in production.
import { createServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import selfsigned from 'selfsigned';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` as a single-page app: a path that is not a file gets `fallback`.
 * Resolves to { port, close() }.
 */
export async function startStaticServer({ root, fallback = 'index.html', port = 0, host = '127.0.0.1' }) {
  const base = resolve(root);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'walkaway.test' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const server = createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) file = join(base, fallback);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}
