/** How each verdict is named and coloured on every surface (badge, toolbar, popup, pages). Data only. */
import type { Verdict } from '../contract/assessment';

export const VERDICT_LABELS: Record<Verdict, string> = {
  pursue: 'Pursue',
  caution: 'Caution',
  'walk-away': 'Walk away',
  unknown: 'Not enough known',
};

/** Solid colours (toolbar badge, accents); the stylesheets use the same values. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  pursue: '#1a7f37',
  caution: '#b35900',
  'walk-away': '#cf222e',
  unknown: '#59636e',
};
