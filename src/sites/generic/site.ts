import type { SiteDescriptor } from '../types';

/**
 * Any other CRM, read by its labels: no fixed hosts; only where the rep allows it
 * (src/sites/generic/origins.ts), with the content script that carries every adapter.
 */
export const generic = {
  id: 'generic',
  label: 'Other CRMs you allow (read by their labels)',
  kind: 'crm',
  matches: [],
  knownHosts: [],
  exampleUrls: [
    'https://crm.example.org/index.php?module=Opportunities&action=DetailView&record=6f1c2b9e-0d4a-4e53-9a35-1b2c3d4e5f60',
    'https://espo.example.net/#Opportunity/view/64f0c1a2b3d4e5f60',
    'https://acme.odoo.com/odoo/crm/42',
  ],
} as const satisfies SiteDescriptor;
