import type { SiteDescriptor } from '../types';

/**
 * The bundled demo CRM (demo/, served by npm start and the e2e tests). Its /mail/ pages
 * are the CRM's own inbox: read and scored as records of this CRM, so kind is 'crm' and
 * they are never linked as threads (src/sites/index.ts, isMail).
 */
export const demo = {
  id: 'demo',
  label: 'Demo CRM',
  kind: 'crm',
  matches: ['https://demo.walkaway.test/*'],
  knownHosts: ['walkaway.test'],
  exampleUrls: ['https://demo.walkaway.test/deals/1042', 'https://demo.walkaway.test/deals/1150/', 'https://demo.walkaway.test/mail/thread-7781'],
  // Its pages are the bundled demo app itself.
  fixtures: 'demo',
  demoOnly: true,
} as const satisfies SiteDescriptor;
