/**
 * Which pages the generic adapter (./adapter.ts) takes, apart from how it reads them: the
 * worker and the options page check addresses with this alone, without carrying the DOM
 * readers. It needs every site's known hosts (src/sites/index.ts), so the list reaches
 * the content script with every adapter, and no site's own one.
 */
import { KNOWN_HOSTS } from '../index';

const escape = (host: string) => host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hosts that have their own adapter (or none on purpose): never read generically. */
const KNOWN = new RegExp(`(?:^|\\.)(?:${KNOWN_HOSTS.map(escape).join('|')})$`);

/** The deal key of a page the generic adapter takes, or null when it does not take it. */
export function genericKeyOf(url: URL): string | null {
  if (url.protocol !== 'https:' || KNOWN.test(url.hostname)) return null;
  // Path, query and hash: SuiteCRM names the record in the query, EspoCRM and old Odoo in the hash.
  const rest = `${url.pathname}${url.search}${url.hash}`.replace(/\s+/g, '').slice(0, 250);
  return `generic:${url.host}:${rest}`;
}
