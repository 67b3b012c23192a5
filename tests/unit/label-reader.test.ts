// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldForLabel, LABEL_SYNONYMS, MAX_VALUE_CHARS, readLabelledFields, readText } from '../../src/adapters/label-reader';
import { FIELD_NAMES } from '../../src/adapters/types';

/** Test markup is ours, so innerHTML is fine here (production code never does this). */
function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function read(html: string) {
  return readLabelledFields(page(html)).fields;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('synonym table', () => {
  it('has labels for every field, and no label names two fields', () => {
    const seen = new Map<string, string>();
    for (const field of FIELD_NAMES) {
      expect(LABEL_SYNONYMS[field].length, field).toBeGreaterThan(0);
      for (const label of LABEL_SYNONYMS[field]) {
        expect(seen.get(label), `${label} used by ${seen.get(label)} and ${field}`).toBeUndefined();
        seen.set(label, field);
      }
    }
  });

  it.each([
    ['Close date', 'closeDate'],
    ['Expected close:', 'closeDate'],
    ['Close Date*', 'closeDate'],
    ['Abschlussdatum', 'closeDate'],
    ['Deal stage', 'stage'],
    ['Sales Stage:', 'stage'],
    ['Phase', 'stage'],
    ['Betrag', 'amount'],
    ['  Deal   amount ', 'amount'],
    ['Competition', 'competitors'],
    ['Budget confirmed', 'budget'],
    ['Last contacted', 'lastActivityDate'],
    ['Time in stage', 'daysInStage'],
    ['Stage entered date', 'stageEnteredDate'],
    ['Deal owner', 'owner'],
    ['Opportunity Name', 'dealName'],
    ['Nächster Schritt', 'nextStep'],
  ])('%s -> %s', (label, field) => {
    expect(fieldForLabel(label)).toBe(field);
  });

  it('does not take sentences or near misses for labels', () => {
    expect(fieldForLabel('Stages')).toBeUndefined();
    expect(fieldForLabel('The close date moved')).toBeUndefined();
  });
});

describe('readLabelledFields', () => {
  it('reads dl/dt/dd, including an empty dd', () => {
    const fields = read(`
      <dl>
        <dt>Stage</dt><dd>Proposal</dd>
        <dt>Close date</dt><dd> Sep 17,
           2026 </dd>
        <dt>Budget</dt><dd></dd>
        <dt>Favourite colour</dt><dd>Blue</dd>
      </dl>`);
    expect(fields).toEqual({ stage: 'Proposal', closeDate: 'Sep 17, 2026', budget: '' });
  });

  it('reads two-column tables with th/td and td/td, but not a header row', () => {
    const fields = read(`
      <table><thead><tr><th>Stage</th><th>Amount</th></tr></thead>
        <tbody><tr><td>Closed won</td><td>$1</td></tr></tbody></table>
      <table>
        <tr><th scope="row">Deal stage</th><td>Negotiation</td></tr>
        <tr><td>Amount:</td><td><span>$</span>48,000</td></tr>
        <tr><td class="label">Next step</td><td class="value">Send order form</td></tr>
      </table>`);
    expect(fields).toEqual({ stage: 'Negotiation', amount: '$48,000', nextStep: 'Send order form' });
  });

  it('reads label + value blocks through nested wrappers, icons and required markers', () => {
    const fields = read(`
      <div class="row">
        <div class="cell" data-name="stage">
          <label class="control-label"><span class="label-text">Sales Stage</span><span class="req">*</span></label>
          <div class="field"><div><span>Qualification</span></div></div>
        </div>
        <div class="cell">
          <div><div><span>Last activity date</span></div><button aria-label="More info"><svg></svg></button></div>
          <div><time>Sep 1, 2026</time></div>
        </div>
        <div class="prop"><span class="prop-label">Competitors</span><span class="prop-value">Contoso, Fabrikam</span></div>
      </div>`);
    expect(fields).toEqual({ stage: 'Qualification', lastActivityDate: 'Sep 1, 2026', competitors: 'Contoso, Fabrikam' });
  });

  it('reads <label for=id> controls: input, select, textarea, checkbox', () => {
    const fields = read(`
      <form>
        <div><label for="amt">Deal amount</label></div>
        <div><input id="amt" value="12,500"></div>
        <label for="stg">Stage</label>
        <select id="stg"><option>Lead</option><option selected>Discovery</option></select>
        <label for="ns">Next step</label><textarea id="ns">Call Jordan</textarea>
        <label for="bc">Budget confirmed</label><input type="checkbox" id="bc" checked>
      </form>`);
    expect(fields).toEqual({ amount: '12,500', stage: 'Discovery', nextStep: 'Call Jordan', budget: 'Yes' });
  });

  it('reads aria-labelledby and aria-label on the value', () => {
    const fields = read(`
      <span id="l-close">Expected close</span>
      <p>unrelated text in between</p>
      <div role="textbox" aria-labelledby="other l-close">Oct 3, 2026</div>
      <span id="other">Form</span>
      <span aria-label="Deal owner">Alex Rivera</span>
      <div role="group" aria-label="Pipeline">Pipeline: Renewals</div>`);
    expect(fields).toEqual({ closeDate: 'Oct 3, 2026', owner: 'Alex Rivera', pipeline: 'Renewals' });
  });

  it('reads "Label: value" in one element and after a bold label', () => {
    const fields = read(`
      <p>Close date: Sep 17, 2026</p>
      <ul><li><strong>Stage:</strong> Proposal</li></ul>
      <p><b>Amount:</b> $5,000<br><b>Owner:</b> Kim Lee</p>
      <p>Next step: call at 10:30 <a href="#">today</a></p>
      <p>Re: nothing to see</p>`);
    expect(fields).toEqual({
      closeDate: 'Sep 17, 2026',
      stage: 'Proposal',
      amount: '$5,000',
      owner: 'Kim Lee',
      nextStep: 'call at 10:30 today',
    });
  });

  it('reads German labels', () => {
    const fields = read(`
      <dl><dt>Phase</dt><dd>Verhandlung</dd><dt>Betrag</dt><dd>48.000 €</dd>
      <dt>Abschlussdatum:</dt><dd>17.09.2026</dd><dt>Wettbewerber</dt><dd>Contoso</dd>
      <dt>Letzte Aktivität</dt><dd>01.09.2026</dd></dl>`);
    expect(fields).toEqual({
      stage: 'Verhandlung',
      amount: '48.000 €',
      closeDate: '17.09.2026',
      competitors: 'Contoso',
      lastActivityDate: '01.09.2026',
    });
  });

  it('ignores hidden elements, scripts, styles, options and our own badge', () => {
    const fields = read(`
      <walkaway-badge><span>Stage</span><span>From the badge</span></walkaway-badge>
      <div hidden><span>Stage</span><span>Hidden</span></div>
      <div aria-hidden="true"><span>Stage</span><span>Aria hidden</span></div>
      <div style="display: none"><span>Stage</span><span>Not displayed</span></div>
      <script>var x = "Stage"</script><style>.Stage{}</style>
      <select><option>Stage</option><option>Lead</option></select>
      <div><span>Stage</span><span>Visible <span hidden>secret</span>value</span></div>
      <div><span>Amount</span><span aria-hidden="true">ignored</span><span>$10</span></div>`);
    expect(fields).toEqual({ stage: 'Visible value', amount: '$10' });
  });

  it('keeps the first value, but lets a later value replace an empty one', () => {
    const fields = read(`
      <dl><dt>Stage</dt><dd>Proposal</dd><dt>Budget</dt><dd></dd></dl>
      <dl><dt>Stage</dt><dd>Closed won</dd><dt>Budget</dt><dd>$10,000</dd></dl>`);
    expect(fields).toEqual({ stage: 'Proposal', budget: '$10,000' });
  });

  it('does not take the next label for a value', () => {
    const fields = read(`<div><span>Stage</span><span>Amount</span><span>$3</span></div>`);
    expect(fields.stage).toBeUndefined();
    expect(fields.amount).toBe('$3');
  });

  it('keeps HTML-looking text as text and never creates elements from it', () => {
    const root = page('<dl><dt>Deal name</dt><dd></dd><dt>Next step</dt><dd></dd></dl>');
    const dds = root.querySelectorAll('dd');
    dds[0]!.textContent = '<img src=x onerror="window.__labelXss=1">';
    dds[1]!.textContent = 'Send <b>contract</b>';
    const { fields } = readLabelledFields(root);
    expect(fields).toEqual({ dealName: '<img src=x onerror="window.__labelXss=1">', nextStep: 'Send <b>contract</b>' });
    expect(root.querySelector('img, b')).toBeNull();
  });

  it('keeps list items apart and caps long values', () => {
    const long = 'x'.repeat(MAX_VALUE_CHARS + 500);
    const root = page('<dl><dt>Competitors</dt><dd><ul><li>Contoso</li><li>Fabrikam</li><li>Litware</li></ul></dd><dt>Next step</dt><dd></dd></dl>');
    root.querySelectorAll('dd')[1]!.textContent = long;
    const { fields } = readLabelledFields(root);
    expect(fields.competitors).toBe('Contoso, Fabrikam, Litware');
    expect(fields.nextStep).toHaveLength(MAX_VALUE_CHARS);
  });

  it('leaves activity feeds, timelines and the adapter\'s skipped subtrees out', () => {
    const root = page(`
      <section aria-label="Activity"><div><span>Stage</span><span>Changed to Lead</span></div></section>
      <div role="feed"><article><span>Amount</span><span>$1 (old)</span></article></div>
      <ol><li class="entry"><span>Next step</span><span>From history</span></li></ol>
      <svg><text>Owner</text><text>Not a field</text></svg>
      <dl><dt>Stage</dt><dd>Proposal</dd><dt>Amount</dt><dd>$50,000</dd><dt>Owner</dt><dd>Dana</dd></dl>
      <ol><li><span>Next step</span><span>Send the contract</span></li></ol>`);
    expect(readLabelledFields(root, { skip: '.entry' }).fields).toEqual({ stage: 'Proposal', amount: '$50,000', owner: 'Dana', nextStep: 'Send the contract' });
    // Without the adapter's selector the history entry comes first and wins.
    expect(readLabelledFields(root).fields.nextStep).toBe('From history');
  });

  it('reads every field that follows a skipped subtree, at any depth', () => {
    const root = page(`
      <main><div><div role="log"><p><span>Stage</span><span>Old</span></p></div></div>
      <div><div><span>Stage</span><span>Negotiation</span></div></div></main>
      <footer><span>Close date</span><span>Oct 1, 2026</span></footer>`);
    expect(readLabelledFields(root).fields).toEqual({ stage: 'Negotiation', closeDate: 'Oct 1, 2026' });
  });

  it('reads only under the root it is given', () => {
    const root = page('<section id="a"><dl><dt>Stage</dt><dd>Lead</dd></dl></section><section id="b"><dl><dt>Amount</dt><dd>$1</dd></dl></section>');
    expect(readLabelledFields(root.querySelector('#b')!).fields).toEqual({ amount: '$1' });
  });

  it('reads inside a shadow root', () => {
    const host = page('<div id="host"></div>').querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const label = document.createElement('label');
    label.htmlFor = 'cd';
    label.textContent = 'Close date';
    const input = document.createElement('input');
    input.id = 'cd';
    input.value = '9/17/2026';
    shadow.append(label, input);
    expect(readLabelledFields(shadow).fields).toEqual({ closeDate: '9/17/2026' });
  });

  it('stays fast on a page with thousands of nodes', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `<div class="r"><span>Item ${i}</span><span>${i}</span><i></i></div>`).join('');
    const root = page(`<main>${rows}<dl><dt>Stage</dt><dd>Proposal</dd></dl></main>`);
    const started = performance.now();
    const { fields } = readLabelledFields(root);
    const elapsed = performance.now() - started;
    expect(fields).toEqual({ stage: 'Proposal' });
    // happy-dom is far slower than Chromium; this only guards against accidental quadratic work.
    expect(elapsed).toBeLessThan(500);
  });
});

describe('readText in lines mode (mail bodies)', () => {
  it('makes source line breaks spaces, block edges lines, and more than one blank line one', () => {
    const root = page('<div>Hello\n   Jordan,</div><div><br></div><div><br></div><div>We  have\tthe\u00a0budget.</div><p>Thanks</p>');
    expect(readText(root, { lines: true })).toBe('Hello Jordan,\n\nWe have the budget.\nThanks');
  });

  it('keeps line breaks inside <pre>, also when the root is inside one', () => {
    const root = page('<div>Plain:</div><pre>line 1\nline 2</pre>');
    expect(readText(root, { lines: true })).toBe('Plain:\nline 1\nline 2');
    const inner = page('<pre><span id="x">a\nb</span></pre>').querySelector('#x')!;
    expect(readText(inner, { lines: true })).toBe('a\nb');
  });

  it('skips what each call asks to skip, whatever an earlier call skipped', () => {
    const root = page('<div>New words</div><blockquote>quoted</blockquote><div class="sig">-- Dana</div>');
    for (let i = 0; i < 2; i++) {
      expect(readText(root, { lines: true, skip: 'blockquote' })).toBe('New words\n-- Dana');
      expect(readText(root, { lines: true, skip: '.sig' })).toBe('New words\nquoted');
      expect(readText(root, { lines: true })).toBe('New words\nquoted\n-- Dana');
    }
  });
});
