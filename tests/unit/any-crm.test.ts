/** The "any other CRM" rules: which addresses may be allowed, and the worker's registration sync. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_BUDGET_GZIP } from '../../scripts/content-size.mjs';
import { crmPatterns, parseCrmAddress } from '../../src/sites/generic/origins';
import { ANY_CRM_SCRIPT_FILE, serialSync, syncAnyCrmScript, type ScriptingPort } from '../../src/background/any-crm';

const MANIFEST_HOSTS = ['https://*.hubspot.com/*', 'https://*.pipedrive.com/*', 'https://mail.google.com/*', 'https://outlook.office.com/*'];

describe('parseCrmAddress', () => {
  it('takes one https origin, with or without scheme and path', () => {
    expect(parseCrmAddress('https://crm.acme.example')).toEqual({ ok: true, origin: 'https://crm.acme.example', pattern: 'https://crm.acme.example/*' });
    expect(parseCrmAddress('  CRM.Acme.example/index.php?module=Opportunities ')).toMatchObject({ ok: true, pattern: 'https://crm.acme.example/*' });
    expect(parseCrmAddress('https://espo.example.net:8443/#Opportunity/view/1')).toMatchObject({ ok: true, pattern: 'https://espo.example.net:8443/*' });
  });

  it.each([
    ['', /Enter your CRM/],
    ['http://crm.acme.example', /Only https/],
    ['ftp://crm.acme.example', /Only https/],
    ['javascript:alert(1)', /Only https/],
    ['https://*.acme.example', /wildcards/],
    ['https://crm.acme.example/*', /wildcards/],
    ['https://user:pw@crm.acme.example', /user name/],
    ['https://192.168.1.10', /host name/],
    ['https://localhost', /host name/],
    ['https://exa mple.com', /not a web address|host name/],
    ['https://app.hubspot.com', /already reads/],
    ['https://acme.pipedrive.com', /already reads/],
    ['https://mail.google.com', /already reads/],
    ['https://demo.walkaway.test', /already reads/],
  ])('refuses %j', (typed, message) => {
    const parsed = parseCrmAddress(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('crmPatterns', () => {
  it("keeps the rep's exact https hosts and drops the manifest's sites and wildcard grants", () => {
    const granted = [...MANIFEST_HOSTS, 'https://crm.acme.example/*', 'https://*/*', '<all_urls>', 'http://crm.plain.example/*', 'https://a.example/path/*', 'https://b.example/*'];
    expect(crmPatterns(granted)).toEqual(['https://b.example/*', 'https://crm.acme.example/*']);
    expect(crmPatterns(MANIFEST_HOSTS)).toEqual([]);
  });
});

/** A fake of the browser: grants, the scripting permission and one registration slot. */
function fakePort(origins: string[], scripting = true) {
  const calls: string[] = [];
  const state = { origins, scripting, registered: null as string[] | null };
  const port: ScriptingPort = {
    grantedOrigins: async () => [...state.origins],
    canRegister: async () => state.scripting,
    registered: async () => (state.registered ? [...state.registered] : null),
    register: async (matches) => {
      if (state.registered) throw new Error('Duplicate script ID');
      calls.push(`register ${matches.join(' ')}`);
      state.registered = matches;
    },
    update: async (matches) => {
      calls.push(`update ${matches.join(' ')}`);
      state.registered = matches;
    },
    unregister: async () => {
      calls.push('unregister');
      state.registered = null;
    },
  };
  return { port, calls, state };
}

describe('syncAnyCrmScript', () => {
  it('registers the granted CRM origins, then follows grants and removals', async () => {
    const { port, calls, state } = fakePort([...MANIFEST_HOSTS, 'https://crm.acme.example/*']);
    expect(await syncAnyCrmScript(port)).toEqual(['https://crm.acme.example/*']);
    state.origins.push('https://b.example/*');
    expect(await syncAnyCrmScript(port)).toEqual(['https://b.example/*', 'https://crm.acme.example/*']);
    // Nothing changed: no call (a worker restart re-syncs without churn).
    await syncAnyCrmScript(port);
    state.origins = [...MANIFEST_HOSTS];
    expect(await syncAnyCrmScript(port)).toEqual([]);
    expect(calls).toEqual(['register https://crm.acme.example/*', 'update https://b.example/* https://crm.acme.example/*', 'unregister']);
  });

  it('repairs a registration left from before a restart that no longer matches the grants', async () => {
    const { port, calls, state } = fakePort(['https://crm.acme.example/*']);
    state.registered = ['https://old.example/*'];
    await syncAnyCrmScript(port);
    expect(state.registered).toEqual(['https://crm.acme.example/*']);
    expect(calls).toEqual(['update https://crm.acme.example/*']);
  });

  it('does nothing without the scripting permission, and registers nothing for the fixed sites alone', async () => {
    const without = fakePort(['https://crm.acme.example/*'], false);
    expect(await syncAnyCrmScript(without.port)).toEqual([]);
    expect(without.calls).toEqual([]);
    const fixedOnly = fakePort([...MANIFEST_HOSTS, 'https://*/*']);
    expect(await syncAnyCrmScript(fixedOnly.port)).toEqual([]);
    expect(fixedOnly.calls).toEqual([]);
  });

  it('runs overlapping syncs one after another, so two events never register twice', async () => {
    const { port, calls } = fakePort(['https://crm.acme.example/*']);
    const sync = serialSync(port);
    const results = await Promise.all([sync(), sync(), sync()]);
    expect(results).toEqual([['https://crm.acme.example/*'], ['https://crm.acme.example/*'], ['https://crm.acme.example/*']]);
    expect(calls).toEqual(['register https://crm.acme.example/*']);
  });

  it('keeps syncing after one sync fails', async () => {
    const { port, calls } = fakePort(['https://crm.acme.example/*']);
    const errors: unknown[] = [];
    let fail = true;
    const flaky: ScriptingPort = { ...port, grantedOrigins: async () => (fail ? Promise.reject(new Error('gone')) : port.grantedOrigins()) };
    const sync = serialSync(flaky, (error) => errors.push(error));
    await expect(sync()).rejects.toThrow('gone');
    fail = false;
    await sync();
    expect(errors).toHaveLength(1);
    expect(calls).toEqual(['register https://crm.acme.example/*']);
  });
});

describe('the self-contained content script (built; npm test builds dist/ first)', () => {
  const dir = resolve(process.env['WALKAWAY_OUT_DIR'] ?? 'dist');
  const file = join(dir, ANY_CRM_SCRIPT_FILE);

  it('is one classic script that loads nothing else, within the content budget', () => {
    expect(existsSync(file), `${file} missing: run \`npx vite build\``).toBe(true);
    const code = readFileSync(file, 'utf8');
    // Registered for origins outside web_accessible_resources: it must not import chunks.
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|\bexport\s|getURL\(\s*["']assets\//m);
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(CONTENT_BUDGET_GZIP);
  });
});
