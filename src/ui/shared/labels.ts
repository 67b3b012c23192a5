/** Words and colours for verdicts and findings, shared by the popup and options page. */
import type { SiteId } from '../../checklist/settings';
import type { FindingStatus, Verdict } from '../../scoring/types';

export const VERDICT_LABELS: Record<Verdict, string> = {
  pursue: 'Pursue',
  caution: 'Caution',
  'walk-away': 'Walk away',
  unknown: 'Not enough known',
};

/** Solid colours (toolbar badge, accents); the CSS uses the same values. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  pursue: '#1a7f37',
  caution: '#b35900',
  'walk-away': '#cf222e',
  unknown: '#59636e',
};

export const STATUS_LABELS: Record<FindingStatus, string> = {
  flagged: 'Flagged',
  clear: 'Clear',
  unknown: 'Unknown',
};

export const SITE_LABELS: Record<SiteId, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  gmail: 'Gmail',
  outlook: 'Outlook on the web',
  demo: 'Demo CRM',
  generic: 'Other CRMs you allow (read by their labels)',
};
