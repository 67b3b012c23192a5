/**
 * The content script of the CRMs the rep allows at run time (src/background/any-crm.ts
 * registers it): every site's adapter, found by the folder convention (src/sites/<id>/adapter.ts,
 * which tests/unit/structure.test.ts holds to the list of sites). Their URL predicates are
 * disjoint, so their order does not matter; the generic one takes what no other site knows.
 */
import type { Adapter } from '../adapters/types';
import { DEMO_BUILD } from '../sites/build';
import { boot } from './boot';

type AdapterModule = () => Promise<Adapter>;

const adapters: Record<string, AdapterModule> = {
  ...import.meta.glob<Adapter>(['../sites/*/adapter.ts', '!../sites/demo/adapter.ts'], { import: 'adapter' }),
  // The demo site exists in the demo build only.
  ...(DEMO_BUILD ? import.meta.glob<Adapter>('../sites/demo/adapter.ts', { import: 'adapter' }) : {}),
};

boot(() => Promise.all(Object.values(adapters).map((load) => load())));
