import type { SiteDescriptor } from '../types';

export const gmail = {
  id: 'gmail',
  label: 'Gmail',
  kind: 'mail',
  matches: ['https://mail.google.com/*'],
  // All of google.com: its other apps are no CRM, and the generic reader must not guess there.
  knownHosts: ['google.com'],
  exampleUrls: [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM',
    'https://mail.google.com/mail/u/1/#label/Prospects/18c2f3a4b5c6d7e8',
    'https://mail.google.com/mail/u/0/#search/from%3Ajordan/FMfcgzGwJmSnWrkXbqTkdWqkhNvLcPKs',
  ],
} as const satisfies SiteDescriptor;
