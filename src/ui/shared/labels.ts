/** Words and colours for verdicts and findings, shared by the popup and options page. */
import type { SiteId } from '../../checklist/settings';
import type { FindingStatus } from '../../contract/assessment';

export { VERDICT_COLORS, VERDICT_LABELS } from '../../scoring/verdicts';

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
