// A local HTTPS server for the bundled demo site and the site fixtures, with a
// self-signed certificate made at start. Chromium reaches it under the real host names
// (app.hubspot.com, mail.google.com, ...) through --host-resolver-rules, so content
// scripts see the URLs they match in production. One server answers every host: the
// Host header picks the site.
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

/** A site served from a folder as a single-page app: a path that is not a file gets `fallback`. */
export function staticSite(root, fallback = 'index.html') {
  const base = resolve(root);
  return async (path) => {
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) return null;
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? file : join(base, fallback);
  };
}

/**
 * Starts the server. `sites` maps a host name to `async (path, url) => filePath | null`.
 * Resolves to { port, close() }.
 */
export async function startFixtureServer({ sites, port = 0, host = '127.0.0.1' }) {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'walkaway.test' }], { keySize: 2048, algorithm: 'sha256' });
  const server = createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    try {
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${hostname}`);
      const site = sites[hostname];
      const file = site ? await site(decodeURIComponent(url.pathname), url) : null;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture for ${hostname}${url.pathname}`);
        return;
      }
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
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}
