/**
 * The in-page badge (SPEC section 2): a `<walkaway-badge>` host in the light DOM carrying
 * data-verdict / data-flags / data-deal, with everything visible inside a closed shadow
 * root so the page can neither style nor read it. Built with textContent only: deal
 * names and evidence come from the page and are hostile.
 */
import type { BadgeState } from '../protocol/messages';
import { VERDICT_LABELS } from '../scoring/verdicts';

/** Property name of the isolated-world marker on our host element. */
export const OURS = '__walkawayOwnBadge';


const STYLE = `
:host { all: initial; position: fixed; top: 40%; right: 0; z-index: 2147483000; font: 13px/1.4 system-ui, sans-serif; color: #1f2328; }
.warning { color: #9a1c1c; font-weight: 600; }
.tab { all: unset; cursor: pointer; display: block; writing-mode: vertical-rl; padding: 10px 6px; border-radius: 8px 0 0 8px;
  color: #fff; font-weight: 600; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.tab:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.pursue { background: #1a7f37; } .caution { background: #b35900; } .walk-away { background: #cf222e; } .unknown { background: #59636e; }
.panel { position: fixed; top: 10%; right: 0; width: 320px; max-height: 80vh; overflow: auto; background: #fff; border: 1px solid #d0d7de;
  border-radius: 8px 0 0 8px; box-shadow: 0 8px 24px rgba(0,0,0,.2); padding: 12px 14px; box-sizing: border-box; }
.panel[hidden] { display: none; }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.verdict { color: #fff; padding: 2px 8px; border-radius: 10px; font-weight: 600; }
.close { all: unset; cursor: pointer; font-size: 18px; padding: 0 4px; }
h2 { font-size: 14px; margin: 8px 0 4px; overflow-wrap: anywhere; }
ul { margin: 4px 0; padding-left: 18px; } li { margin: 4px 0; }
q { display: block; color: #57606a; font-style: italic; overflow-wrap: anywhere; }
.where { color: #57606a; font-size: 12px; }
.muted { color: #57606a; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Badge {
  readonly host: HTMLElement;
  private readonly tab: HTMLButtonElement;
  private readonly panel: HTMLElement;

  constructor() {
    this.host = document.createElement('walkaway-badge');
    // An expando set in the content script's isolated world: the page's own wrapper of this
    // element never sees it, so a planted look-alike can't carry it (tests find ours by it).
    Object.defineProperty(this.host, OURS, { value: true });
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = el('style');
    style.textContent = STYLE;
    this.tab = el('button', 'tab unknown');
    this.tab.type = 'button';
    this.tab.setAttribute('aria-expanded', 'false');
    this.panel = el('section', 'panel');
    this.panel.hidden = true;
    this.panel.setAttribute('aria-label', 'Walk Away verdict');
    this.tab.addEventListener('click', () => this.toggle());
    root.append(style, this.tab, this.panel);
  }

  toggle(open = this.panel.hidden): void {
    this.panel.hidden = !open;
    this.tab.setAttribute('aria-expanded', String(open));
  }

  /** Shows a state; attaches the host to the page when it is not there (SPA re-renders may drop it). */
  render(state: BadgeState): void {
    this.host.dataset['verdict'] = state.verdict;
    this.host.dataset['flags'] = state.flags.join(' ');
    this.host.dataset['deal'] = state.dealKey;

    const word = VERDICT_LABELS[state.verdict];
    this.tab.className = `tab ${state.verdict}`;
    this.tab.textContent = state.flags.length ? `${word} · ${state.flags.length}` : word;
    this.tab.title = `Walk Away: ${word}`;

    const close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.toggle(false));
    const head = el('div', 'head');
    head.append(el('span', `verdict ${state.verdict}`, word), close);

    const body: Node[] = [head, el('h2', undefined, state.title)];
    // Storage full: the rep must know this visit was not kept. Marked on the host for tests.
    if (state.warning) body.push(el('p', 'warning', state.warning));
    this.host.toggleAttribute('data-warning', state.warning !== undefined);
    if (state.flagged.length) {
      const list = el('ul');
      for (const item of state.flagged) {
        const li = el('li');
        li.append(el('strong', undefined, item.title));
        for (const evidence of item.evidence) {
          li.append(el('q', undefined, evidence.quote), el('div', 'where', evidence.where));
        }
        if (!item.evidence.length && item.reason) li.append(el('div', 'where', item.reason));
        list.append(li);
      }
      body.push(el('div', 'muted', 'Reasons to walk away:'), list);
    } else {
      body.push(el('p', 'muted', 'No walk-away reason found.'));
    }
    if (state.unknownReasons.length) {
      const list = el('ul');
      for (const reason of state.unknownReasons) list.append(el('li', 'muted', reason));
      body.push(el('div', 'muted', 'Not known yet:'), list);
    }
    body.push(el('p', 'muted', 'Open the Walk Away toolbar button to answer the checklist.'));
    this.panel.replaceChildren(...body);
    this.attach();
  }

  attach(): void {
    if (!this.host.isConnected) (document.body ?? document.documentElement).append(this.host);
  }

  remove(): void {
    this.host.remove();
  }
}
