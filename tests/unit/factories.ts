/** Small builders for test data, so each test states only what it is about. */
import type { Assessment } from '../../src/contract/assessment';
import type { DealFacts } from '../../src/signals/types';

export function makeFacts(overrides: Partial<DealFacts> = {}): DealFacts {
  return {
    site: 'demo',
    dealKey: 'demo:deal-1',
    title: 'A deal',
    raw: {},
    missing: [],
    stage: null,
    closed: false,
    amount: null,
    closeDate: null,
    createDate: null,
    daysInStage: null,
    lastActivity: null,
    competitors: null,
    budget: null,
    discount: null,
    contacts: [],
    touches: [],
    buyerStatements: [],
    buyerMessageCount: 0,
    closeDatePushes: 0,
    ...overrides,
  };
}

export function makeAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return { verdict: 'unknown', score: 0, findings: [], flags: [], knownCount: 0, ...overrides };
}
