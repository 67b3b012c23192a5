/** Every site adapter, and the one that handles a URL. */
import { demoAdapter } from './demo';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { hubspotAdapter } from './hubspot';
import { outlookAdapter } from './outlook';
import { pipedriveAdapter } from './pipedrive';
import { salesforceAdapter } from './salesforce';
import type { Adapter } from './types';

/**
 * URL predicates are disjoint (the registry test proves it with each adapter's example
 * URLs). The generic adapter takes the https pages no site adapter knows: the content
 * script only runs there on origins the rep granted.
 */
export const ADAPTERS: readonly Adapter[] = [hubspotAdapter, salesforceAdapter, pipedriveAdapter, gmailAdapter, outlookAdapter, demoAdapter, genericAdapter];

export function adapterFor(url: URL): Adapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}
