import { describe, expect, it } from 'vitest';
import { conversationSignals, type ThreadMessage } from '../../src/signals/conversation';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 12);
const ours = (daysAgo: number): ThreadMessage => ({ at: NOW - daysAgo * DAY, direction: 'ours', fromEmail: 'dana@seller.example' });
const theirs = (daysAgo: number, from = 'jordan@acme.example'): ThreadMessage => ({ at: NOW - daysAgo * DAY, direction: 'theirs', fromEmail: from });

describe('conversationSignals', () => {
  it('counts our streak since the buyer last wrote, and the days since', () => {
    const s = conversationSignals([ours(30), theirs(20), ours(15), ours(10), ours(5)], NOW);
    expect(s).toMatchObject({ ourStreak: 3, daysSinceBuyerReply: 20, lastBuyerReplyAt: NOW - 20 * DAY });
  });

  it('a buyer who never wrote: every message is in the streak, no reply date', () => {
    expect(conversationSignals([ours(9), ours(4)], NOW)).toMatchObject({ ourStreak: 2, daysSinceBuyerReply: null, buyerParticipants: [], singleThreaded: false });
  });

  it('reply latency from the first unanswered message, and its trend', () => {
    const slower = conversationSignals([ours(60), theirs(59), ours(50), theirs(49), ours(40), theirs(30), ours(20), theirs(5)], NOW);
    expect(slower.replyLatencyDays).toEqual([1, 1, 10, 15]);
    expect(slower.latencyTrend).toBe('slower');
    const faster = conversationSignals([ours(60), theirs(45), ours(40), theirs(30), ours(20), theirs(19), ours(10), theirs(10)], NOW);
    expect(faster.latencyTrend).toBe('faster');
    const steady = conversationSignals([ours(30), theirs(28), ours(20), theirs(18), ours(10), theirs(8)], NOW);
    expect(steady.latencyTrend).toBe('steady');
    expect(conversationSignals([ours(30), theirs(28), ours(20), theirs(18)], NOW).latencyTrend).toBe('unknown');
  });

  it('tells single-threaded from multi-threaded, with the buyer domains', () => {
    const single = conversationSignals([ours(9), theirs(8), ours(7), theirs(6, 'JORDAN@acme.example')], NOW);
    expect(single).toMatchObject({ buyerParticipants: ['jordan@acme.example'], buyerDomains: ['acme.example'], singleThreaded: true });
    const multi = conversationSignals([theirs(8), theirs(6, 'kim@acme.example'), theirs(5, 'cfo@acme-holding.example')], NOW);
    expect(multi).toMatchObject({ singleThreaded: false, buyerDomains: ['acme.example', 'acme-holding.example'] });
    // One message is not a pattern.
    expect(conversationSignals([theirs(8)], NOW).singleThreaded).toBe(false);
  });

  it('messages without a date still count for the streak', () => {
    expect(conversationSignals([theirs(8), { at: null, direction: 'ours', fromEmail: 'dana@seller.example' }], NOW).ourStreak).toBe(1);
  });
});
