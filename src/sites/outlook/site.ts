import type { SiteDescriptor } from '../types';

export const outlook = {
  id: 'outlook',
  label: 'Outlook on the web',
  kind: 'mail',
  matches: ['https://outlook.office.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  knownHosts: ['office.com', 'live.com', 'cloud.microsoft'],
  exampleUrls: [
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATYwMAItYjQxZC1kMjNmLTAwAi0wMAoAEADn7vbX%2FnSRQ6Tf0Zr2oXz%3D',
    'https://outlook.cloud.microsoft/mail/id/AAQkAGI2ZDk0ODNhLWM0ZTUtNDQ1Ny04NzFhLTk0ODg1ZjA1ZTZmMQAQAO2qg%3D',
  ],
} as const satisfies SiteDescriptor;
