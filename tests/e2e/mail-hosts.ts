/**
 * Gmail and Outlook on the web for the e2e browser, under their real host names. Threads
 * are rendered at request time from mail-threads.ts, in the markup of the committed
 * fixtures (tests/fixtures/gmail, outlook) and with dates relative to today, written in
 * each thread's locale, so verdicts don't depend on the day the tests run.
 *
 * Gmail is served as a single-page app: the thread id lives in the URL hash, which never
 * reaches the server, so one page holds every thread in <template>s and shows the one the
 * hash names (and follows hash changes, like Gmail). Outlook puts the id in the path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteResolver } from '../../scripts/fixture-server.mjs';
import { MAIL_THREADS, PEOPLE, type MailThread, type ThreadMessageSpec } from './mail-threads';

const OUT = mkdtempSync(join(tmpdir(), 'walkaway-mail-'));
let served = 0;

function serve(html: string): string {
  const file = join(OUT, `page-${++served}.html`);
  writeFileSync(file, html);
  return file;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The message's time: `daysAgo` days before now, at a fixed time of day per message. */
function timeOf(message: ThreadMessageSpec, index: number, now: number): Date {
  const at = new Date(now - message.daysAgo * 86_400_000);
  at.setHours(9 + (index % 8), (index * 7) % 60, 0, 0);
  return at;
}

/** Gmail's title: "Nov 14, 2026, 9:02 AM" / "14 Nov 2026, 09:02" / "Sa., 14. Nov. 2026, 09:02". */
function gmailDate(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: locale.startsWith('en-US') ? undefined : 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** Outlook's heading: "Thu 9/17/2026 2:52 PM" / "Thu 17/09/2026 14:52" / "Do 17.09.2026 14:52". */
function outlookDate(at: Date, locale: string): string {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(at).replace(/\.$/, '');
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
  return `${weekday} ${locale.startsWith('en-US') ? at.toLocaleDateString('en-US') : day} ${time}`;
}

const lines = (text: string): string => text.split('\n').map((line) => (line ? `<div>${escape(line)}</div>` : '<div><br></div>')).join('');

function gmailThread(thread: MailThread, now: number): string {
  const messages = thread.messages.map((message, index) => {
    const from = PEOPLE[message.from];
    const to = message.to.map((key) => PEOPLE[key]);
    const title = escape(gmailDate(timeOf(message, index, now), thread.locale));
    if (message.collapsed) {
      return `<div class="kv" role="listitem"><span class="gD" email="${from.email}" name="${escape(from.name)}">${escape(from.name)}</span><span class="g3" title="${title}">${message.daysAgo} days ago</span><div class="iA g6">${escape(message.body.slice(0, 40))}…</div></div>`;
    }
    const recipients = to.map((p) => `<span class="g2" email="${p.email}" name="${escape(p.name)}">${escape(p.name)}</span>`).join(', ');
    const quoted = message.quoted
      ? `<div class="gmail_quote"><div class="gmail_attr">On an earlier day, ${escape(PEOPLE.rep.name)} &lt;${PEOPLE.rep.email}&gt; wrote:</div><blockquote class="gmail_quote">${lines(message.quoted)}</blockquote></div>`
      : '';
    const signature = message.signature ? `<div class="gmail_signature">${lines(message.signature)}</div>` : '';
    return `<div class="adn ads" data-message-id="#msg-f:${1_800_000 + index}" data-legacy-message-id="${(0x19273d1f8a6b0000 + index).toString(16)}"><div class="gs"><h3 class="iw"><span class="gD" email="${from.email}" name="${escape(from.name)}">${escape(from.name)}</span></h3><div class="hb">to ${recipients}</div><span class="g3" title="${title}" aria-label="${title}">${message.daysAgo} days ago</span><div class="ii gt"><div class="a3s aiL"><div dir="ltr">${lines(message.body)}</div>${quoted}${signature}</div></div></div></div>`;
  });
  return `<h2 class="hP" data-legacy-thread-id="${thread.id.slice(0, 16)}">${escape(thread.subject)}</h2><div role="list">${messages.join('\n')}</div>`;
}

function gmailApp(locale: string, now: number): string {
  const threads = MAIL_THREADS.filter((thread) => thread.site === 'gmail' && thread.locale === locale);
  const account = locale.startsWith('de') ? 'Google-Konto' : 'Google Account';
  const list = threads.map((thread) => `<li><a href="#inbox/${thread.id}">${escape(thread.subject)}</a></li>`).join('');
  const templates = threads.map((thread) => `<template data-thread="${thread.id}">${gmailThread(thread, now)}</template>`).join('\n');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Gmail</title></head><body>
<header><a class="gb_B" role="button" aria-label="${account}: ${escape(PEOPLE.rep.name)} (${PEOPLE.rep.email})" href="https://accounts.google.com/SignOutOptions">DR</a></header>
<div role="main" id="app"></div>
<ul id="inbox" hidden>${list}</ul>
${templates}
<script>
  const app = document.getElementById('app');
  function show() {
    const id = location.hash.split('/').pop();
    const template = document.querySelector('template[data-thread="' + CSS.escape(id) + '"]');
    app.replaceChildren();
    document.getElementById('inbox').hidden = Boolean(template);
    // Like Gmail, the thread's markup arrives a moment after navigation.
    if (template) setTimeout(() => app.replaceChildren(template.content.cloneNode(true)), 150);
  }
  window.addEventListener('hashchange', show);
  show();
</script>
</body></html>`;
}

function outlookPage(thread: MailThread, now: number): string {
  const german = thread.locale.startsWith('de');
  const [fromWord, toWord] = german ? ['Von', 'An'] : ['From', 'To'];
  const messages = thread.messages.map((message, index) => {
    const from = PEOPLE[message.from];
    const to = message.to.map((key) => PEOPLE[key]);
    const head = `<span aria-label="${fromWord}: ${escape(from.name)}">${escape(from.name)}&lt;${from.email}&gt;</span><div aria-label="${toWord}: ${escape(to.map((p) => p.name).join(', '))}">${toWord}: ${to.map((p) => `${escape(p.name)} &lt;${p.email}&gt;`).join('; ')}</div><div role="heading" aria-level="3" data-testid="SentReceivedSavedTime" id="MSG_${index}_DATETIME">${escape(outlookDate(timeOf(message, index, now), thread.locale))}</div>`;
    if (message.collapsed) return `<div aria-label="Email message" tabindex="-1" aria-expanded="false">${head}<div>${escape(message.body.slice(0, 40))}…</div></div>`;
    const quoted = message.quoted
      ? `<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>${fromWord}:</b> ${escape(PEOPLE.rep.name)} &lt;${PEOPLE.rep.email}&gt;<br><b>${german ? 'Gesendet' : 'Sent'}:</b> earlier</div><div>${lines(message.quoted)}</div>`
      : '';
    return `<div aria-label="Email message" tabindex="-1" aria-expanded="true">${head}<div id="UniqueMessageBody_${index}" aria-label="Message body">${lines(message.body)}${message.signature ? lines(message.signature) : ''}${quoted}</div></div>`;
  });
  return `<!doctype html><html lang="${thread.locale}"><head><meta charset="utf-8"><title>Mail - Outlook</title></head><body>
<div id="mectrl_currentAccount_secondary" hidden>${PEOPLE.rep.email}</div>
<div id="ReadingPaneContainerId"><div role="main" aria-label="Reading Pane"><div data-app-section="ConversationContainer">
<div role="heading" aria-level="2"><span>${escape(thread.subject)}</span></div>
${messages.join('\n')}
</div></div></div></body></html>`;
}

const OUTLOOK_PATH = /^\/mail\/(?:[^/]+\/)*id\/([^/]+)\/?$/;

function outlookHost(host: string): SiteResolver {
  return async (path) => {
    const id = OUTLOOK_PATH.exec(path)?.[1];
    const thread = MAIL_THREADS.find((t) => t.site === 'outlook' && t.host === host && t.id === id);
    return thread ? serve(outlookPage(thread, Date.now())) : null;
  };
}

export const MAIL_SITES: Record<string, SiteResolver> = {
  // https://mail.google.com/mail/u/<n>/ (the hash picks the thread); ?hl=de serves the German UI.
  'mail.google.com': async (path, url) => {
    if (!/^\/mail\/u\/\d+\/?$/.test(path)) return null;
    const locale = url.searchParams.get('hl') === 'de' ? 'de-DE' : url.searchParams.get('hl') === 'en-GB' ? 'en-GB' : 'en-US';
    return serve(gmailApp(locale, Date.now()));
  },
  'outlook.office.com': outlookHost('outlook.office.com'),
  'outlook.live.com': outlookHost('outlook.live.com'),
  'outlook.cloud.microsoft': outlookHost('outlook.cloud.microsoft'),
};
