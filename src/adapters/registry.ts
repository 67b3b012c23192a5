/** Every site adapter, and the one that handles a URL. */
import { demoAdapter } from './demo';
import { gmailAdapter } from './gmail';
import { hubspotAdapter } from './hubspot';
import { outlookAdapter } from './outlook';
import { pipedriveAdapter } from './pipedrive';
import { salesforceAdapter } from './salesforce';
import type { Adapter } from './types';

/** URL predicates are disjoint (the registry test proves it with each adapter's example URLs). */
export const ADAPTERS: readonly Adapter[] = [hubspotAdapter, salesforceAdapter, pipedriveAdapter, gmailAdapter, outlookAdapter, demoAdapter];

export function adapterFor(url: URL): Adapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}
