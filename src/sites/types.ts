/**
 * What the rest of the extension knows about a site, without its adapter: data only, so
 * the worker, the pages and the build can read it without carrying any DOM reader.
 */
export type SiteKind = 'crm' | 'mail';

export interface SiteDescriptor {
  readonly id: string;
  /** How the rep sees the site named (options, popup, pipeline). */
  readonly label: string;
  /**
   * 'mail': a page is an email thread, linked to the CRM deal of the same company by the
   * buyer's domains. 'crm': a page is a deal record.
   */
  readonly kind: SiteKind;
  /**
   * Manifest match patterns: the built manifest gets host access to these and injects the
   * site's own content script (./<id>/content.ts) there. Empty for a site read only where
   * the rep allows it (generic).
   */
  readonly matches: readonly string[];
  /** Registrable domains of the site: the generic reader never takes a host on or under them. */
  readonly knownHosts: readonly string[];
  /** Pages this site's adapter, and no other, takes (tests/unit/structure.test.ts). */
  readonly exampleUrls: readonly string[];
  /** Where its test pages are, from the repository root; `tests/fixtures/<id>` when not given. */
  readonly fixtures?: string;
  /** Only in the demo build (`WALKAWAY_DEMO=1`): the user build has no trace of it. */
  readonly demoOnly?: true;
}
