/**
 * Cuts a mail body down to what its sender wrote now: no quoted earlier messages, no
 * forwarded mail, no signature, no legal footer. Pure.
 *
 * Hand-written rather than a library: email-reply-parser 2.x (the maintained npm port)
 * loads Node's `module` at import time (createRequire, for its optional RE2), which a
 * service worker bundle cannot provide.
 */

/**
 * A pattern and the text it cannot match without: a body that has none of `needs` is not
 * tested against it. Most bodies have no header and no footer, and V8 compiles a regular
 * expression on its first use (0.1 to 1 ms each for these): a fresh worker would compile
 * all fourteen on its first thread. `needs` are lower-case when the pattern ignores case
 * (they are ASCII, which such a pattern matches only in ASCII), exact otherwise.
 */
export interface MarkerPattern {
  pattern: RegExp;
  needs: readonly string[];
}

/** Where quoted or forwarded text begins: everything from here on is someone else's. */
export const QUOTE_STARTS: readonly MarkerPattern[] = [
  // "On Tue, 24 Nov 2026 at 10:02, Alex <alex@...> wrote:" (may wrap onto a second line)
  { pattern: /^\s*On [^\n]{0,300}?(?:\n[^\n]{0,160}?)?wrote:\s*$/m, needs: ['wrote:'] },
  // "Am 20.11.2026 um 14:03 schrieb Alex <alex@...>:"
  { pattern: /^\s*Am [^\n]{0,300}?(?:\n[^\n]{0,160}?)?schrieb[^\n]*:\s*$/m, needs: ['schrieb'] },
  // "Le 20 nov. 2026 à 14:03, Alex a écrit :"
  { pattern: /^\s*Le [^\n]{0,300}?(?:\n[^\n]{0,160}?)?a écrit\s?:\s*$/m, needs: ['a écrit'] },
  {
    pattern: /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message|Weitergeleitete Nachricht)/im,
    needs: ['--'],
  },
  { pattern: /^\s*Begin forwarded message:/im, needs: ['begin forwarded message:'] },
  // Outlook's reply header: "From: ..." then within a few lines "Sent:" / "Date:".
  { pattern: /^\s*(?:From|Von|De):\s.*\n(?:.*\n){0,3}?\s*(?:Sent|Gesendet|Date|Datum|Envoyé):\s/m, needs: ['From:', 'Von:', 'De:'] },
  { pattern: /^_{5,}\s*$/m, needs: ['_____'] },
];

/** Where a signature or footer begins. */
export const FOOTER_STARTS: readonly MarkerPattern[] = [
  { pattern: /^-- ?$/m, needs: ['--'] },
  { pattern: /^\s*Sent from my (?:iPhone|iPad|Android|mobile|Samsung|Galaxy|BlackBerry)/im, needs: ['sent from my'] },
  { pattern: /^\s*Get Outlook for (?:iOS|Android)/im, needs: ['get outlook for'] },
  { pattern: /^\s*Von meinem (?:iPhone|iPad|Smartphone) gesendet/im, needs: ['von meinem'] },
  // Legal footers.
  { pattern: /^\s*(?:CONFIDENTIALITY NOTICE|DISCLAIMER|Disclaimer:|Confidentiality:)/m, needs: ['CONFIDENTIALITY NOTICE', 'DISCLAIMER', 'Disclaimer:', 'Confidentiality:'] },
  {
    pattern:
      /^\s*This (?:e-?mail|message|communication)(?: and any (?:attachments?|files)(?: to it)?| \(including any attachments\))? (?:is|are|may be|contains?) (?:confidential|intended|privileged)/im,
    needs: ['confidential', 'intended', 'privileged'],
  },
  { pattern: /^\s*Diese E-Mail (?:enthält|ist) vertraulich/im, needs: ['vertraulich'] },
];

/** Whether `text` (with `lower`, its lower-case copy) has what the marker needs. */
export function mayHaveMarker(marker: MarkerPattern, text: string, lower: string): boolean {
  const haystack = marker.pattern.ignoreCase ? lower : text;
  return marker.needs.some((needle) => haystack.includes(needle));
}

/**
 * A closing ("Best regards,", "Thanks,", "Mit freundlichen Grüßen") on its own line,
 * followed only by a few short lines (name, title, company, phone).
 */
const VALEDICTION =
  /^\s*(?:(?:best|kind|warm|many|with)?\s*(?:regards|wishes|thanks)|best|cheers|thanks|thank you|thx|br|mfg|mit freundlichen grü(?:ß|ss)en|viele grü(?:ß|ss)e|beste grü(?:ß|ss)e|liebe grü(?:ß|ss)e|grü(?:ß|ss)e|cordialement)[,.!]?\s*$/i;
const MAX_SIGNATURE_LINES = 6;
const MAX_SIGNATURE_LINE_CHARS = 80;

const GREETING = /^\s*(?:hi|hello|hey|dear|hallo|guten (?:tag|morgen)|good (?:morning|afternoon))\b/i;

function signatureStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!VALEDICTION.test(lines[i] ?? '')) continue;
    // "Hi Dana,\nThanks!\n..." opens a message: a closing needs something said before it.
    const said = lines.slice(0, i).some((line) => line.trim() !== '' && !GREETING.test(line));
    const rest = lines.slice(i + 1).filter((line) => line.trim() !== '');
    // Name, title, company, phone: short lines that are not sentences.
    const signatureLike = rest.every((line) => line.trim().length <= MAX_SIGNATURE_LINE_CHARS && !/[.?!]$/.test(line.trim()));
    if (said && rest.length <= MAX_SIGNATURE_LINES && signatureLike) return i;
  }
  return lines.length;
}

export function stripQuotedText(body: string): string {
  const text = body.replace(/\r\n?/g, '\n');
  const lower = text.toLowerCase();
  let end = text.length;
  for (const marker of [...QUOTE_STARTS, ...FOOTER_STARTS]) {
    if (!mayHaveMarker(marker, text, lower)) continue;
    const match = marker.pattern.exec(text);
    if (match && match.index < end) end = match.index;
  }
  const lines = text
    .slice(0, end)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'));
  return lines.slice(0, signatureStart(lines)).join('\n').trimEnd();
}
