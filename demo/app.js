/*
 * Demo CRM: a tiny single-page app the extension can be tried and tested on.
 * Plain browser JavaScript, no build step. All page text goes in through textContent
 * (or append(string), which makes text nodes): a deal name is data, never markup.
 *
 * Dates are relative to today so the demo deals keep the same verdicts whenever it is
 * opened. Each navigation renders its record ~250 ms late, like a CRM fetching data.
 */
(function () {
  'use strict';

  // Like a real CRM, the record renders a moment after the page loads; ?instant renders it at
  // once, like a server-rendered page (a test of a cold worker needs the read before it wakes).
  const RENDER_DELAY_MS = new URLSearchParams(location.search).has('instant') ? 0 : 250;
  const ACCOUNT_EMAIL = 'alex@seller.example';
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  /*
   * daysAgo / inDays are relative to today. What each deal must come out as (with the
   * default checklist) is in the comment above it; the unit tests read these pages.
   */
  const DEALS = [
    // pursue: nothing flags, six items readable.
    {
      id: '1042',
      name: 'Northwind Traders — Fleet telematics renewal',
      company: 'Northwind Traders',
      amount: '$118,500',
      stage: 'Proposal',
      pipeline: 'Renewals',
      closeInDays: 30,
      createdDaysAgo: 84,
      daysInStage: 6,
      owner: 'Alex Rivera',
      nextStep: 'Send the order form for signature',
      budget: '$120,000 approved',
      competitors: 'Contoso',
      segment: 'Mid-market',
      companySize: '1,000–5,000 employees',
      contacts: [
        { name: 'Dana Whitfield', title: 'VP Fleet Operations', role: 'Decision maker', email: 'dana.whitfield@northwind.example' },
        { name: 'Sam Ortiz', title: 'Fleet Manager', role: 'Champion', email: 'sam.ortiz@northwind.example' },
      ],
      activities: [
        { kind: 'meeting', direction: 'ours', daysAgo: 21, outcome: 'Held', summary: 'Renewal kickoff with Dana and Sam' },
        { kind: 'email', direction: 'ours', daysAgo: 9, summary: 'Sent the renewal proposal' },
        { kind: 'email', direction: 'theirs', daysAgo: 8, summary: 'Sam asked how the driver app rollout would work' },
        { kind: 'call', direction: 'ours', daysAgo: 5, outcome: 'Connected', summary: 'Walked Sam through the rollout plan' },
        { kind: 'email', direction: 'ours', daysAgo: 3, summary: 'Sent the updated proposal' },
        { kind: 'email', direction: 'theirs', daysAgo: 2, summary: 'Dana confirmed the proposal is with procurement' },
      ],
    },
    // caution, crowded-field: three competitors listed, everything else clear.
    {
      id: '1077',
      name: 'Globex — Warehouse analytics expansion',
      company: 'Globex',
      amount: '$64,000',
      stage: 'Evaluation',
      pipeline: 'New business',
      closeInDays: 45,
      createdDaysAgo: 52,
      daysInStage: 12,
      owner: 'Alex Rivera',
      nextStep: 'Security review with the IT team',
      budget: '$70,000 confirmed',
      competitors: 'Contoso, Fabrikam, Litware',
      segment: 'Enterprise',
      companySize: '5,000+ employees',
      contacts: [
        { name: 'Marcus Chen', title: 'Director of Logistics', role: 'Decision maker', email: 'marcus.chen@globex.example' },
        { name: 'Priya Nair', title: 'Data Engineering Lead', role: 'Technical evaluator', email: 'priya.nair@globex.example' },
      ],
      activities: [
        { kind: 'meeting', direction: 'ours', daysAgo: 25, outcome: 'Held', summary: 'Discovery workshop at the Reno warehouse' },
        { kind: 'email', direction: 'ours', daysAgo: 18, summary: 'Sent the workshop summary' },
        { kind: 'email', direction: 'theirs', daysAgo: 16, summary: 'Priya shared their data sources' },
        { kind: 'call', direction: 'ours', daysAgo: 11, outcome: 'Connected', summary: 'Reviewed the integration plan with Priya' },
        { kind: 'email', direction: 'ours', daysAgo: 4, summary: 'Sent the security questionnaire answers' },
        { kind: 'email', direction: 'theirs', daysAgo: 1, summary: 'Marcus scheduled the security review' },
      ],
    },
    // walk-away: no-urgency (close in ~270 days), budget-hidden (empty at Negotiation),
    // unresponsive (three touches since the last reply 20 days ago), stalled (45 days in stage).
    {
      id: '1103',
      name: 'Initech — Payroll pilot',
      company: 'Initech',
      amount: '$24,000',
      stage: 'Negotiation',
      pipeline: 'New business',
      closeInDays: 270,
      createdDaysAgo: 120,
      daysInStage: 45,
      owner: 'Alex Rivera',
      nextStep: 'Confirm the pilot start date',
      budget: '-',
      competitors: 'Fabrikam',
      segment: 'SMB',
      companySize: '200–500 employees',
      contacts: [
        { name: 'Renee Park', title: 'CFO', role: 'Economic buyer', email: 'renee.park@initech.example' },
        { name: 'Tom Alvarez', title: 'Payroll Manager', role: 'Champion', email: 'tom.alvarez@initech.example' },
      ],
      activities: [
        { kind: 'meeting', direction: 'ours', daysAgo: 60, outcome: 'Held', summary: 'Pilot scoping session with Tom' },
        { kind: 'email', direction: 'ours', daysAgo: 30, summary: 'Sent the pilot order form' },
        { kind: 'email', direction: 'theirs', daysAgo: 20, summary: 'Tom acknowledged the order form' },
        { kind: 'call', direction: 'ours', daysAgo: 15, outcome: 'No answer', summary: 'Called Tom about the order form' },
        { kind: 'email', direction: 'ours', daysAgo: 9, summary: 'Followed up on the order form' },
        { kind: 'call', direction: 'ours', daysAgo: 2, outcome: 'Left voicemail', summary: 'Called Renee' },
      ],
    },
    // caution, stalled: the close date passed 10 days ago and the deal is still open.
    {
      id: '1150',
      name: '<img src=x onerror="window.__walkawayXss=1">',
      company: 'Vandelay Industries',
      amount: '$9,800',
      stage: 'Proposal',
      pipeline: 'New business',
      closeInDays: -10,
      createdDaysAgo: 40,
      daysInStage: 5,
      owner: 'Alex Rivera',
      nextStep: 'Confirm the PO number',
      budget: '$10,000 approved',
      competitors: 'Contoso',
      segment: 'SMB',
      companySize: '50–200 employees',
      contacts: [{ name: 'Lee Morgan', title: 'Head of IT', role: 'Decision maker', email: 'lee.morgan@vandelay.example' }],
      activities: [
        { kind: 'email', direction: 'ours', daysAgo: 20, summary: 'Sent the product overview' },
        { kind: 'email', direction: 'theirs', daysAgo: 19, summary: 'Lee asked for a demo' },
        { kind: 'meeting', direction: 'ours', daysAgo: 12, outcome: 'Held', summary: 'Product demo with Lee' },
        { kind: 'email', direction: 'ours', daysAgo: 4, summary: 'Sent the proposal' },
        { kind: 'email', direction: 'theirs', daysAgo: 3, summary: 'Lee said the PO is being raised' },
      ],
    },
  ];

  // caution: gatekeeper ("run it by my boss") and crowded-field ("evaluating five vendors").
  const THREADS = [
    {
      id: 'thread-7781',
      subject: 'Re: Data platform evaluation',
      messages: [
        {
          from: { name: 'Alex Rivera', email: ACCOUNT_EMAIL },
          to: ['jordan@hooli.example'],
          daysAgo: 12,
          time: [9, 14],
          body: 'Hi Jordan,\n\nGood to meet you at the data summit. As promised, here is a short overview of how analytics teams use our platform to bring their reporting into one place.\n\nWould a 30-minute walkthrough be useful?\n\nBest,\nAlex',
        },
        {
          from: { name: 'Jordan Lee', email: 'jordan@hooli.example' },
          to: [ACCOUNT_EMAIL],
          daysAgo: 10,
          time: [16, 2],
          body: "Thanks Alex. Honestly, we're evaluating five vendors for this.",
        },
        {
          from: { name: 'Alex Rivera', email: ACCOUNT_EMAIL },
          to: ['jordan@hooli.example'],
          daysAgo: 6,
          time: [10, 30],
          body: "Hi Jordan,\n\nUnderstood, thanks for being open about it. To make your comparison easier, I've attached a one-page summary of our integrations and security documentation.\n\nBest,\nAlex",
        },
        {
          from: { name: 'Jordan Lee', email: 'jordan@hooli.example' },
          to: [ACCOUNT_EMAIL],
          daysAgo: 5,
          time: [11, 47],
          body: "Looks interesting, but I'll have to run it by my boss before we go any further.",
        },
        {
          from: { name: 'Alex Rivera', email: ACCOUNT_EMAIL },
          to: ['jordan@hooli.example'],
          daysAgo: 3,
          time: [9, 5],
          body: 'Hi Jordan,\n\nThanks for the update. If it helps, I can put together a short summary for your manager, or join a call with both of you.\n\nBest,\nAlex',
        },
        {
          from: { name: 'Alex Rivera', email: ACCOUNT_EMAIL },
          to: ['jordan@hooli.example'],
          daysAgo: 1,
          time: [14, 20],
          body: 'Hi Jordan,\n\nJust checking whether a joint call with your manager would work this week.\n\nBest,\nAlex',
        },
      ],
    },
  ];

  // ---- dates (en-US, built by hand so every browser renders them the same) ----

  function dayFromToday(offset, hours, minutes) {
    const date = new Date();
    date.setHours(hours || 0, minutes || 0, 0, 0);
    date.setDate(date.getDate() + offset);
    return date;
  }

  function formatDate(date) {
    return MONTHS[date.getMonth()] + ' ' + date.getDate() + ', ' + date.getFullYear();
  }

  function formatDateTime(date) {
    const hours = date.getHours();
    const minutes = String(date.getMinutes()).padStart(2, '0');
    return formatDate(date) + ', ' + (((hours + 11) % 12) + 1) + ':' + minutes + ' ' + (hours < 12 ? 'AM' : 'PM');
  }

  function isoDate(date) {
    return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-' + String(date.getDate()).padStart(2, '0');
  }

  function timeElement(date, text, className) {
    return el('time', { class: className, datetime: isoDate(date) }, text);
  }

  // ---- DOM helper: attributes and text only, never markup ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'class') node.className = value;
      else node.setAttribute(name, value);
    }
    // append() turns strings into text nodes: no markup is ever parsed.
    node.append(...children.flat().filter((child) => child !== null && child !== undefined));
    return node;
  }

  function link(href, text, className) {
    return el('a', { href: href, class: className || '' }, text);
  }

  // ---- views ----

  function lastActivityDaysAgo(deal) {
    return Math.min(...deal.activities.map((activity) => activity.daysAgo));
  }

  function activityTitle(activity) {
    if (activity.kind === 'email') return activity.direction === 'theirs' ? 'Email received' : 'Email sent';
    const kind = activity.kind === 'call' ? 'Call' : 'Meeting';
    return activity.outcome ? kind + ' — ' + activity.outcome : kind;
  }

  function dealsListView() {
    const rows = DEALS.map((deal) =>
      el(
        'tr',
        null,
        el('td', null, link('/deals/' + deal.id, deal.name, 'deal-link')),
        el('td', null, deal.company),
        el('td', null, el('span', { class: 'pill' }, deal.stage)),
        el('td', { class: 'num' }, deal.amount),
        el('td', null, formatDate(dayFromToday(deal.closeInDays))),
        el('td', null, deal.owner),
      ),
    );
    return {
      title: 'Deals',
      node: el(
        'section',
        { class: 'list-page' },
        el('h1', null, 'Deals'),
        el('p', { class: 'muted' }, DEALS.length + ' open deals'),
        el(
          'table',
          { class: 'list' },
          el('thead', null, el('tr', null, ['Deal', 'Company', 'Stage', 'Amount', 'Close date', 'Owner'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', null, rows),
        ),
      ),
    };
  }

  function field(label, value) {
    return [el('dt', null, label), el('dd', null, value)];
  }

  function qualification(label, value) {
    return el('div', { class: 'field' }, el('span', { class: 'field-label' }, label), el('span', { class: 'field-value' }, value));
  }

  function dealView(deal) {
    const about = el(
      'dl',
      { class: 'fields' },
      field('Amount', deal.amount),
      field('Stage', deal.stage),
      field('Pipeline', deal.pipeline),
      field('Close date', formatDate(dayFromToday(deal.closeInDays))),
      field('Days in stage', String(deal.daysInStage)),
      field('Last activity', formatDate(dayFromToday(-lastActivityDaysAgo(deal)))),
      field('Next step', deal.nextStep),
      field('Owner', deal.owner),
      field('Created', formatDate(dayFromToday(-deal.createdDaysAgo))),
    );
    const qualifying = el(
      'div',
      { class: 'field-grid' },
      qualification('Budget', deal.budget),
      qualification('Competitors', deal.competitors),
      qualification('Segment', deal.segment),
      qualification('Company size', deal.companySize),
    );
    const contacts = el(
      'ul',
      { class: 'contact-list' },
      deal.contacts.map((contact) =>
        el(
          'li',
          { class: 'contact' },
          el('span', { class: 'avatar', 'aria-hidden': 'true' }, contact.name.charAt(0)),
          el(
            'div',
            { class: 'contact-main' },
            el('span', { class: 'contact-name' }, contact.name),
            el('span', { class: 'contact-title' }, contact.title),
            link('mailto:' + contact.email, contact.email, 'contact-email'),
          ),
          el('span', { class: 'contact-role' }, contact.role),
        ),
      ),
    );
    const newestFirst = deal.activities.slice().sort((a, b) => a.daysAgo - b.daysAgo);
    const timeline = el(
      'ol',
      { class: 'timeline' },
      newestFirst.map((activity) => {
        const date = dayFromToday(-activity.daysAgo);
        return el(
          'li',
          { class: 'activity activity-' + activity.kind },
          el('div', { class: 'activity-head' }, el('span', { class: 'activity-title' }, activityTitle(activity)), timeElement(date, formatDate(date), 'activity-date')),
          el('p', { class: 'activity-summary' }, activity.summary),
        );
      }),
    );
    return {
      title: deal.name,
      node: el(
        'article',
        { class: 'record', 'data-record': 'deal-' + deal.id },
        el(
          'header',
          { class: 'record-header' },
          el('p', { class: 'crumbs' }, link('/deals', 'Deals'), ' / ', deal.company),
          el('h1', { class: 'record-title' }, deal.name),
          el('span', { class: 'pill pill-stage' }, deal.stage),
        ),
        el(
          'div',
          { class: 'record-grid' },
          el(
            'div',
            { class: 'record-main' },
            el('section', { class: 'card' }, el('h2', null, 'About this deal'), about),
            el('section', { class: 'card' }, el('h2', null, 'Qualification'), qualifying),
          ),
          el(
            'div',
            { class: 'record-side' },
            el('section', { class: 'card contacts' }, el('h2', null, 'Contacts'), contacts),
            el('section', { class: 'card activity-card' }, el('h2', null, 'Activity'), timeline),
          ),
        ),
      ),
    };
  }

  function messageDate(message) {
    return dayFromToday(-message.daysAgo, message.time[0], message.time[1]);
  }

  function inboxView() {
    const rows = THREADS.map((thread) => {
      const last = thread.messages[thread.messages.length - 1];
      const buyer = thread.messages.find((message) => message.from.email !== ACCOUNT_EMAIL);
      const date = messageDate(last);
      return el(
        'li',
        { class: 'inbox-row' },
        el('span', { class: 'inbox-from' }, (buyer ? buyer.from.name + ', me' : 'me') + ' (' + thread.messages.length + ')'),
        link('/mail/' + thread.id, thread.subject, 'inbox-subject'),
        el('span', { class: 'inbox-snippet' }, last.body.replace(/\s+/g, ' ').slice(0, 80)),
        timeElement(date, formatDate(date), 'inbox-date'),
      );
    });
    return {
      title: 'Inbox',
      node: el('section', { class: 'list-page' }, el('h1', null, 'Inbox'), el('ul', { class: 'inbox' }, rows)),
    };
  }

  function threadView(thread) {
    const messages = el(
      'ol',
      { class: 'messages' },
      thread.messages.map((message) => {
        const date = messageDate(message);
        return el(
          'li',
          { class: 'message' },
          el(
            'div',
            { class: 'message-head' },
            el('span', { class: 'avatar', 'aria-hidden': 'true' }, message.from.name.charAt(0)),
            el(
              'div',
              { class: 'message-people' },
              el('span', { class: 'message-from' }, el('span', { class: 'message-from-name' }, message.from.name), ' ', el('span', { class: 'message-from-email' }, '<' + message.from.email + '>')),
              el(
                'span',
                { class: 'message-to' },
                'to ',
                message.to.map((email) => el('span', { class: 'message-to-email' }, email)),
              ),
            ),
            timeElement(date, formatDateTime(date), 'message-date'),
          ),
          el('div', { class: 'message-body' }, message.body),
        );
      }),
    );
    return {
      title: thread.subject,
      node: el(
        'article',
        { class: 'thread', 'data-record': thread.id },
        el('p', { class: 'crumbs' }, link('/mail', 'Inbox')),
        el('h1', { class: 'thread-subject' }, thread.subject),
        messages,
      ),
    };
  }

  function notFoundView() {
    return { title: 'Not found', node: el('section', { class: 'list-page' }, el('h1', null, 'Page not found'), el('p', null, link('/deals', 'Back to deals'))) };
  }

  function route(pathname) {
    const path = pathname.replace(/\/+$/, '') || '/';
    if (path === '/' || path === '/deals') return { section: 'deals', view: dealsListView };
    if (path === '/mail') return { section: 'mail', view: inboxView };
    const deal = /^\/deals\/([0-9]+)$/.exec(path);
    if (deal) {
      const found = DEALS.find((d) => d.id === deal[1]);
      return { section: 'deals', view: found ? () => dealView(found) : notFoundView };
    }
    const mail = /^\/mail\/([A-Za-z0-9-]+)$/.exec(path);
    if (mail) {
      const found = THREADS.find((t) => t.id === mail[1]);
      return { section: 'mail', view: found ? () => threadView(found) : notFoundView };
    }
    return { section: '', view: notFoundView };
  }

  /** "Recent" links in the side nav, like a CRM's recently viewed records (rendered once, at start). */
  function renderRecent() {
    const nav = document.querySelector('.sidenav');
    if (!nav) return;
    const records = DEALS.map((deal) => link('/deals/' + deal.id, deal.name, 'recent-link')).concat(
      THREADS.map((thread) => link('/mail/' + thread.id, thread.subject, 'recent-link')),
    );
    nav.append(el('h2', { class: 'nav-heading' }, 'Recent'), ...records);
  }

  // ---- router ----

  const view = document.getElementById('view');
  let pending = undefined;

  function render() {
    clearTimeout(pending);
    const current = route(location.pathname);
    for (const item of document.querySelectorAll('[data-nav]')) {
      if (item.getAttribute('data-nav') === current.section) item.setAttribute('aria-current', 'page');
      else item.removeAttribute('aria-current');
    }
    view.setAttribute('aria-busy', 'true');
    view.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'Loading…'));
    pending = setTimeout(() => {
      const shown = current.view();
      document.title = shown.title + ' · Demo CRM';
      view.replaceChildren(shown.node);
      view.removeAttribute('aria-busy');
    }, RENDER_DELAY_MS);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin) return; // mailto: and other sites navigate normally
    event.preventDefault();
    if (url.href !== location.href) history.pushState(null, '', url.href);
    render();
  });
  window.addEventListener('popstate', render);

  renderRecent();
  render();
})();
