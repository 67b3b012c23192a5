import type { SiteDescriptor } from '../types';

export const pipedrive = {
  id: 'pipedrive',
  label: 'Pipedrive',
  kind: 'crm',
  matches: ['https://*.pipedrive.com/*'],
  knownHosts: ['pipedrive.com'],
  exampleUrls: ['https://acme.pipedrive.com/deal/1234', 'https://northwind-sales.pipedrive.com/deal/98/'],
} as const satisfies SiteDescriptor;
