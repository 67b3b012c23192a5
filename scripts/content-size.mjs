// What a content script costs a page in bytes: the files the manifest injects plus every
// chunk they import, followed through the built import graph (static imports, dynamic
// import() and a loader's chrome.runtime.getURL("...")). Shared by the
// benchmark (scripts/bench.mjs) and the CI size guard (tests/unit/content-size.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The content script budget, SPEC section 5: 25 KB gzipped in total. */
export const CONTENT_BUDGET_GZIP = 25 * 1024;

const RELATIVE_IMPORTS = [
  /\bfrom\s*["']([^"']+)["']/g, // import x from "./a.js", export * from "./a.js"
  /\bimport\s*["']([^"']+)["']/g, // import "./a.js"
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("./a.js")
];
/** A loader imports the real script by its extension URL, relative to the build root. */
const EXTENSION_URLS = /getURL\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/** Files `file` loads (absolute paths), only those that exist inside `root`. */
function importsOf(root, file) {
  const code = readFileSync(file, 'utf8');
  const found = [];
  for (const pattern of RELATIVE_IMPORTS) {
    for (const [, spec] of code.matchAll(pattern)) {
      if (spec.startsWith('.')) found.push(resolve(dirname(file), spec));
      else if (spec.startsWith('/')) found.push(join(root, spec));
    }
  }
  for (const [, spec] of code.matchAll(EXTENSION_URLS)) found.push(join(root, spec.replace(/^\//, '')));
  return found.filter((path) => normalize(path).startsWith(root) && /\.(m?js|css)$/.test(path) && existsSync(path));
}

/** The scripts an HTML page of the build loads: `<script src>` and `<link href>` to .js files, relative to the build's root. */
export function pageScripts(html) {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1]);
}

/**
 * Every file of a built extension that something loads (paths relative to `root`): the
 * extension pages' scripts, the manifest's content scripts and worker, `alsoLoaded` (scripts
 * registered at run time), and all they import. Used to drop, and to test for, unused chunks.
 */
export function filesInUse(root, alsoLoaded = []) {
  const base = resolve(root);
  const manifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8'));
  const pages = readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  const entries = [
    ...pages.flatMap((file) => pageScripts(readFileSync(join(base, file), 'utf8'))),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
    ...(manifest.background ? [manifest.background.service_worker] : []),
    ...alsoLoaded,
  ];
  return new Set(importGraph(base, entries).map((path) => relative(base, path)));
}

/** Every file reachable from the entries, in discovery order (entries first). */
export function importGraph(root, entries) {
  const base = resolve(root);
  const seen = new Set();
  const queue = entries.map((entry) => resolve(base, entry));
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (/\.m?js$/.test(file)) queue.push(...importsOf(base, file));
  }
  return [...seen];
}

function sizeOf(root, file) {
  const bytes = readFileSync(file);
  return { path: relative(root, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Sizes of each content script the built manifest declares in `root` (a build folder):
 * one entry per manifest content_scripts item, with its match patterns, its files and
 * the totals (each file gzipped on its own, as a browser cache would hold it).
 */
export function contentScriptSizes(root) {
  const base = resolve(root);
  const manifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8'));
  return (manifest.content_scripts ?? []).map((script) => {
    const entries = [...(script.js ?? []), ...(script.css ?? [])];
    const files = importGraph(base, entries).map((file) => sizeOf(base, file));
    return {
      matches: script.matches ?? [],
      files,
      raw: files.reduce((sum, f) => sum + f.raw, 0),
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    };
  });
}

/** Whether a URL is covered by a manifest match pattern (scheme://host/path with * wildcards). */
export function matchesPattern(pattern, href) {
  if (pattern === '<all_urls>') return /^(https?|file):/.test(href);
  const match = pattern.match(/^(\*|https?):\/\/([^/]+)(\/.*)$/);
  if (!match) return false;
  const [, scheme, host, path] = match;
  const url = new URL(href);
  if (scheme !== '*' && url.protocol !== `${scheme}:`) return false;
  if (scheme === '*' && !/^https?:$/.test(url.protocol)) return false;
  const hostOk = host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && glob.test(url.pathname + url.search);
}

/** What one page at `href` is sent: the sum over every content script matching it. */
export function contentSizeFor(root, href) {
  const scripts = contentScriptSizes(root).filter((script) => script.matches.some((pattern) => matchesPattern(pattern, href)));
  const files = [...new Map(scripts.flatMap((s) => s.files).map((f) => [f.path, f])).values()];
  return { files, raw: files.reduce((sum, f) => sum + f.raw, 0), gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
