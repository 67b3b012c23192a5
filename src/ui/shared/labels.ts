/** Words and colours for verdicts and findings, shared by the popup and options page. */
import type { FindingStatus } from '../../contract/assessment';

export { VERDICT_COLORS, VERDICT_LABELS } from '../../scoring/verdicts';

export const STATUS_LABELS: Record<FindingStatus, string> = {
  flagged: 'Flagged',
  clear: 'Clear',
  unknown: 'Unknown',
};
