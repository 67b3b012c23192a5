import type { SiteDescriptor } from '../types';

export const hubspot = {
  id: 'hubspot',
  label: 'HubSpot',
  kind: 'crm',
  matches: ['https://*.hubspot.com/*'],
  knownHosts: ['hubspot.com'],
  exampleUrls: [
    'https://app.hubspot.com/contacts/2345678/record/0-3/9876543210',
    'https://app-eu1.hubspot.com/contacts/143236975/record/0-3/31415926535/',
    'https://app-na2.hubspot.com/contacts/44556677/record/0-3/1234/view/1',
  ],
} as const satisfies SiteDescriptor;
