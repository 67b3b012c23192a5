/**
 * Which addresses a rep may allow for "any other CRM": one https origin at a time, never a
 * wildcard, never a site that has its own adapter (or is read on purpose by none). Shared
 * by the options page (explains a bad address next to the field) and the worker (which
 * only registers the content script for origins that pass the same rules).
 */
import { genericKeyOf } from './urls';

export type CrmAddress = { ok: true; origin: string; pattern: string } | { ok: false; message: string };

/** Host names only, with a real top-level label (no IP addresses; IDNs arrive punycoded from URL). */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Reads what the rep typed ("crm.acme.example", "https://crm.acme.example/deals/42") as one origin. */
export function parseCrmAddress(typed: string): CrmAddress {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Enter your CRM’s address, like https://crm.example.com.' };
  if (text.includes('*')) return { ok: false, message: 'Enter one exact address; wildcards (*) are not allowed.' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https:\/\//i.test(text)) {
    return { ok: false, message: 'Only https:// addresses can be read.' };
  }
  let url: URL;
  try {
    url = new URL(/^https:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: 'That is not a web address.' };
  }
  if (url.username || url.password) return { ok: false, message: 'Leave out the user name and password.' };
  if (!HOST.test(url.hostname)) return { ok: false, message: 'Enter a host name, like crm.example.com (not an IP address).' };
  if (genericKeyOf(new URL(`${url.origin}/`)) === null) {
    return { ok: false, message: 'Walk Away already reads this site (or never reads it); see Sites above.' };
  }
  return { ok: true, origin: url.origin, pattern: `${url.origin}/*` };
}

/**
 * The granted host patterns that are a rep's own CRM: exact https hosts the generic
 * reader takes. Drops the manifest's fixed sites (permissions.getAll lists them too) and
 * any wildcard grant made from the browser's own site-access menu.
 */
export function crmPatterns(granted: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const pattern of granted) {
    const match = /^https:\/\/([^/*]+)\/\*$/.exec(pattern);
    if (!match) continue;
    const parsed = parseCrmAddress(`https://${match[1]}`);
    if (parsed.ok && parsed.pattern === pattern) kept.add(pattern);
  }
  return [...kept].sort();
}
