/**
 * What the shape of a mail thread says, apart from its words: who writes, how often, how
 * fast. Pure.
 */

export interface ThreadMessage {
  at: number | null;
  direction: 'ours' | 'theirs';
  fromEmail: string;
}

export type LatencyTrend = 'slower' | 'faster' | 'steady' | 'unknown';

export interface ConversationSignals {
  /** Our messages since the buyer's last one (all of ours when the buyer never wrote). */
  ourStreak: number;
  lastBuyerReplyAt: number | null;
  /** Whole days from the buyer's last message to now; null when they never wrote. */
  daysSinceBuyerReply: number | null;
  /** Days the buyer took to answer each run of our messages, oldest first. */
  replyLatencyDays: number[];
  /** Comparing the later half of those latencies with the earlier half (needs 3 or more). */
  latencyTrend: LatencyTrend;
  /** Distinct addresses on the buyer's side that wrote in the thread. */
  buyerParticipants: string[];
  /** Their company domains (from those addresses). */
  buyerDomains: string[];
  /** One person on the buyer's side, across at least two of their messages. */
  singleThreaded: boolean;
}

const DAY = 86_400_000;
/** Later replies this much slower (or faster) than earlier ones make a trend. */
const TREND_RATIO = 1.5;

export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

function trendOf(latencies: readonly number[]): LatencyTrend {
  if (latencies.length < 3) return 'unknown';
  const half = Math.floor(latencies.length / 2);
  const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
  // Half a day of slack so same-day answers do not read as a trend.
  const earlier = mean(latencies.slice(0, half)) + 0.5;
  const later = mean(latencies.slice(latencies.length - half)) + 0.5;
  if (later >= earlier * TREND_RATIO) return 'slower';
  if (later * TREND_RATIO <= earlier) return 'faster';
  return 'steady';
}

/** Messages in thread order (the order the page shows them, oldest first). */
export function conversationSignals(messages: readonly ThreadMessage[], now: number): ConversationSignals {
  let ourStreak = 0;
  let lastBuyerReplyAt: number | null = null;
  let firstUnanswered: number | null = null;
  const replyLatencyDays: number[] = [];
  const participants: string[] = [];
  let buyerMessages = 0;

  for (const message of messages) {
    if (message.direction === 'ours') {
      ourStreak++;
      if (firstUnanswered === null && message.at !== null) firstUnanswered = message.at;
      continue;
    }
    buyerMessages++;
    ourStreak = 0;
    const from = message.fromEmail.trim().toLowerCase();
    if (from && !participants.includes(from)) participants.push(from);
    if (message.at !== null) {
      if (firstUnanswered !== null && message.at >= firstUnanswered) replyLatencyDays.push(Math.round(((message.at - firstUnanswered) / DAY) * 10) / 10);
      if (lastBuyerReplyAt === null || message.at > lastBuyerReplyAt) lastBuyerReplyAt = message.at;
    }
    firstUnanswered = null;
  }

  return {
    ourStreak,
    lastBuyerReplyAt,
    daysSinceBuyerReply: lastBuyerReplyAt === null ? null : Math.max(0, Math.floor((now - lastBuyerReplyAt) / DAY)),
    replyLatencyDays,
    latencyTrend: trendOf(replyLatencyDays),
    buyerParticipants: participants,
    buyerDomains: [...new Set(participants.map(domainOf).filter(Boolean))],
    singleThreaded: participants.length === 1 && buyerMessages >= 2,
  };
}
