/** Evidence drawn from a mail thread's shape (signals/conversation.ts), for scoring. Pure. */
import type { Evidence } from '../contract/assessment';
import type { DealFacts } from '../signals/types';

const WHERE = 'Email thread';

/** "Only jordan@acme.example writes on the buyer's side": backs a gatekeeper finding. */
export function singleThreadEvidence(facts: DealFacts): Evidence[] {
  const conversation = facts.conversation;
  if (!conversation?.singleThreaded) return [];
  const who = conversation.buyerParticipants[0] ?? 'one person';
  return [{ quote: `Single-threaded: only ${who} writes on the buyer's side`.slice(0, 200), where: WHERE }];
}

/** "Replies getting slower: 1 -> 15 days": backs an unresponsive finding. */
export function latencyEvidence(facts: DealFacts): Evidence[] {
  const conversation = facts.conversation;
  if (conversation?.latencyTrend !== 'slower') return [];
  const days = conversation.replyLatencyDays;
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? 0;
  return [{ quote: `Replies getting slower: ${first} -> ${last} days to answer`, where: WHERE }];
}
