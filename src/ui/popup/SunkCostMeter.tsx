import type { Verdict } from '../../contract/assessment';
import type { SunkCost } from '../../protocol/views';
import { formatDate, formatDuration, formatRelative } from '../shared/format';

/** The nudge changes with the verdict: sunk time matters least exactly when the deal looks bad. */
function nudgeFor(verdict: Verdict): string {
  if (verdict === 'walk-away') return "The time already spent is gone either way. It is not a reason to stay in a deal the checklist says to leave.";
  return 'Time already spent is not a reason to keep going: decide on what the checklist says next.';
}

export function SunkCostMeter({ sunkCost, verdict, now }: { sunkCost: SunkCost; verdict: Verdict; now: number }) {
  const { firstSeen, visits, msSpent, clearCount, itemCount } = sunkCost;
  return (
    <section class="sunk-cost" data-testid="sunk-cost" aria-labelledby="sunk-cost-title">
      <h2 id="sunk-cost-title">Time already in this deal</h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>First seen</dt>
          <dd>
            <time dateTime={new Date(firstSeen).toISOString()}>{formatRelative(firstSeen, now)}</time> ({formatDate(firstSeen)})
          </dd>
        </div>
        <div class="facts__row">
          <dt>Visits</dt>
          <dd>{visits}</dd>
        </div>
        <div class="facts__row">
          <dt>Time spent</dt>
          <dd>{formatDuration(msSpent)}</dd>
        </div>
        <div class="facts__row">
          <dt>Checklist</dt>
          <dd>
            {clearCount} of {itemCount} items confirmed clear
          </dd>
        </div>
      </dl>
      <meter class="sunk-cost__meter" min={0} max={Math.max(itemCount, 1)} value={clearCount} aria-label="Items confirmed clear" />
      <p class="nudge">{nudgeFor(verdict)}</p>
    </section>
  );
}
