/**
 * The built manifest asks for nothing beyond SPEC section 3 and storage, and the demo
 * host never reaches the build a user installs. Reads dist/ (npm test builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ALLOWED_HOSTS = [
  'https://*.hubspot.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.pipedrive.com/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
}

const load = (dir: string): Manifest => {
  const path = `${dir}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
};

describe('built manifest (dist/, what users install)', () => {
  const manifest = load('dist');

  it('is Manifest V3 with storage as its only API permission', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('reaches only the SPEC sites, in host permissions and content scripts', () => {
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...ALLOWED_HOSTS].sort());
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    for (const match of matches) expect(ALLOWED_HOSTS).toContain(match);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toContain('walkaway.test');
  });

  it('has a strict content security policy for its pages', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('demo build (dist-demo/, for npm start and the e2e tests)', () => {
  it('differs from the user build only by the demo host', () => {
    const demo = load('dist-demo');
    expect(demo.host_permissions).toEqual([...(load('dist').host_permissions ?? []), 'https://demo.walkaway.test/*']);
    expect(demo.permissions).toEqual(['storage']);
  });
});
