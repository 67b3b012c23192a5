/** Every site's adapter, in the order of the list of sites (src/sites/index.ts). */
import type { Adapter } from '../../src/adapters/types';
import { SITES } from '../../src/sites';

const modules = import.meta.glob<Adapter>('../../src/sites/*/adapter.ts', { eager: true, import: 'adapter' });

/** The adapter in the folder of each listed site (undefined when the folder has none: tests/unit/structure.test.ts). */
export const SITE_ADAPTERS: ReadonlyArray<{ id: string; adapter: Adapter | undefined }> = SITES.map((site) => ({
  id: site.id,
  adapter: modules[`../../src/sites/${site.id}/adapter.ts`],
}));

export const ADAPTERS: readonly Adapter[] = SITE_ADAPTERS.flatMap(({ adapter }) => (adapter ? [adapter] : []));

/** The sites whose adapters take the URL: exactly one for a page Walk Away reads. */
export const sitesTaking = (url: URL): string[] => ADAPTERS.filter((adapter) => adapter.matches(url)).map((adapter) => adapter.site);
