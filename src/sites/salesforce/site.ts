import type { SiteDescriptor } from '../types';

export const salesforce = {
  id: 'salesforce',
  label: 'Salesforce',
  kind: 'crm',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  knownHosts: ['force.com', 'salesforce.com'],
  exampleUrls: [
    'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdE/view',
    'https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000XyZabAAB/view',
  ],
} as const satisfies SiteDescriptor;
