/**
 * Cuts a mail body down to what its sender wrote now: no quoted earlier messages, no
 * forwarded mail, no signature, no legal footer. Pure.
 *
 * Hand-written rather than a library: email-reply-parser 2.x (the maintained npm port)
 * loads Node's `module` at import time (createRequire, for its optional RE2), which a
 * service worker bundle cannot provide.
 */

/** Where quoted or forwarded text begins: everything from here on is someone else's. */
const QUOTE_STARTS: readonly RegExp[] = [
  // "On Tue, 24 Nov 2026 at 10:02, Alex <alex@...> wrote:" (may wrap onto a second line)
  /^\s*On [^\n]{0,300}?(?:\n[^\n]{0,160}?)?wrote:\s*$/m,
  // "Am 20.11.2026 um 14:03 schrieb Alex <alex@...>:"
  /^\s*Am [^\n]{0,300}?(?:\n[^\n]{0,160}?)?schrieb[^\n]*:\s*$/m,
  // "Le 20 nov. 2026 à 14:03, Alex a écrit :"
  /^\s*Le [^\n]{0,300}?(?:\n[^\n]{0,160}?)?a écrit\s?:\s*$/m,
  /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message|Weitergeleitete Nachricht)/im,
  /^\s*Begin forwarded message:/im,
  // Outlook's reply header: "From: ..." then within a few lines "Sent:" / "Date:".
  /^\s*(?:From|Von|De):\s.*\n(?:.*\n){0,3}?\s*(?:Sent|Gesendet|Date|Datum|Envoyé):\s/m,
  /^_{5,}\s*$/m,
];

/** Where a signature or footer begins. */
const FOOTER_STARTS: readonly RegExp[] = [
  /^-- ?$/m,
  /^\s*Sent from my (?:iPhone|iPad|Android|mobile|Samsung|Galaxy|BlackBerry)/im,
  /^\s*Get Outlook for (?:iOS|Android)/im,
  /^\s*Von meinem (?:iPhone|iPad|Smartphone) gesendet/im,
  // Legal footers.
  /^\s*(?:CONFIDENTIALITY NOTICE|DISCLAIMER|Disclaimer:|Confidentiality:)/m,
  /^\s*This (?:e-?mail|message|communication)(?: and any (?:attachments?|files)(?: to it)?| \(including any attachments\))? (?:is|are|may be|contains?) (?:confidential|intended|privileged)/im,
  /^\s*Diese E-Mail (?:enthält|ist) vertraulich/im,
];

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
  let end = text.length;
  for (const pattern of [...QUOTE_STARTS, ...FOOTER_STARTS]) {
    const match = pattern.exec(text);
    if (match && match.index < end) end = match.index;
  }
  const lines = text
    .slice(0, end)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'));
  return lines.slice(0, signatureStart(lines)).join('\n').trimEnd();
}
