/**
 * Which pages the generic adapter (./generic.ts) takes, apart from how it reads them: the
 * worker and the options page check addresses with this alone, without carrying the
 * DOM readers (docs/PERFORMANCE.md, change 18).
 */

/** Hosts that have their own adapter (or none on purpose): never read generically. */
const KNOWN_HOSTS =
  /(?:^|\.)(?:hubspot\.com|force\.com|salesforce\.com|pipedrive\.com|google\.com|office\.com|live\.com|cloud\.microsoft|walkaway\.test)$/;

/** The deal key of a page the generic adapter takes, or null when it does not take it. */
export function genericKeyOf(url: URL): string | null {
  if (url.protocol !== 'https:' || KNOWN_HOSTS.test(url.hostname)) return null;
  // Path, query and hash: SuiteCRM names the record in the query, EspoCRM and old Odoo in the hash.
  const rest = `${url.pathname}${url.search}${url.hash}`.replace(/\s+/g, '').slice(0, 250);
  return `generic:${url.host}:${rest}`;
}
