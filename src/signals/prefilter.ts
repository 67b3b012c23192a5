/**
 * A literal prefilter for regular expressions. Pure: no browser APIs, no dependencies.
 *
 * Why: V8 compiles a regexp the first time it runs, 0.3-4 ms each for the big phrase patterns,
 * so a cold service worker spent ~40 ms on its first sentences running patterns that mostly
 * could not match them. `requiredLiterals` reads a pattern's source once and returns strings
 * of which every match must contain at least one: a text holding none of them cannot match,
 * so the regexp need not run (nor be compiled). It is a necessary condition only: a text that
 * passes may still not match.
 *
 * Conservative by construction: any syntax it does not know gives null (always run the regexp).
 * For the phrase table it runs at build time only (scripts/phrase-literals.mjs writes the results
 * to phrase-literals.ts); the worker does not carry it, and runs a regexp whose entry is missing
 * or stale without a prefilter. It was first written to run at every worker start, hence its thrift: one pass pairs the parentheses, plain
 * alternatives "(?:a|b)" are split natively, optional groups and lookarounds are skipped unread
 * (they add nothing), an alternative is read only until it has a good candidate, and the
 * string sets stay small.
 */

/** A set of strings (a duplicate does no harm). */
type Strings = readonly string[];

/** What every match of a piece of pattern is known to hold. */
interface Info {
  /** Every string the piece can match, when they are few; null otherwise. */
  exact: Strings | null;
  /** Every match starts with one of these ("" among them: nothing known). */
  prefix: Strings;
  /** Every match ends with one of these. */
  suffix: Strings;
  /** Every match contains one of these. */
  required: Strings;
}

/** Largest set of exact strings, prefixes or suffixes tracked; products beyond it are dropped. */
const MAX_STRINGS = 8;
/** Largest set of required strings from an alternation; beyond it, nothing is required. */
const MAX_REQUIRED = 64;
/** Largest class spelled out as its characters ([sz], [1-4]); larger ones are "some character". */
const MAX_CLASS = 8;
/** About how many includes calls cost as much as one run of a warm regexp. */
const CHECKS_PER_RUN = 50;
/** An alternative stops being read once its best candidate costs this little (see cost: one half). */
const GOOD_ENOUGH = 1 << 19;
/** Shorter required strings would let nearly every text through. */
const MIN_LITERAL = 2;

const NOTHING: Strings = [''];
const ANY: Info = { exact: null, prefix: NOTHING, suffix: NOTHING, required: NOTHING };

function exactly(strings: Strings): Info {
  return { exact: strings, prefix: strings, suffix: strings, required: strings };
}

/** Zero-width: ^ $ \b \B and lookarounds. */
const EMPTY = exactly(NOTHING);

/** Every a + b, or null when there would be too many. */
function product(left: Strings, right: Strings): Strings | null {
  if (left === NOTHING) return right;
  if (right === NOTHING) return left;
  if (left.length * right.length > MAX_STRINGS) return null;
  const out: string[] = [];
  for (let i = 0; i < left.length; i++) for (let j = 0; j < right.length; j++) out.push((left[i] ?? '') + (right[j] ?? ''));
  return out;
}

/** One field of every branch together, or null when unknown in a branch or more than `max`. */
function union(branches: readonly Info[], field: keyof Info, max: number): Strings | null {
  const out: string[] = [];
  for (let i = 0; i < branches.length; i++) {
    const list = branches[i]?.[field];
    if (!list || out.length + list.length > max) return null;
    for (let j = 0; j < list.length; j++) out.push(list[j] ?? '');
  }
  return out;
}

/**
 * What checking a required set costs per text, lower is better: the odds that a text holds one
 * of the strings (guessed from length alone: even for one character, halving with each one
 * more) plus the includes calls themselves. In integer units of 2^-20 (no float allocation
 * while the code still runs cold).
 */
function cost(strings: Strings): number {
  let odds = 0;
  for (let i = 0; i < strings.length; i++) odds += ODDS[strings[i]?.length ?? 0] ?? 0;
  return Math.min(ONE, odds) + strings.length * PER_CHECK;
}
const ONE = 1 << 20;
const ODDS = Array.from({ length: 22 }, (_, length) => 1 << (21 - length));
const PER_CHECK = (ONE / CHECKS_PER_RUN) | 0;

// ---------------------------------------------------------------- sequences, alternations, repeats

interface Sequence {
  /** The match since the last break is one of these, exactly. */
  segment: Strings;
  /** Every match starts with one of these; null before the first break (the whole is exact). */
  head: Strings | null;
  best: Strings;
  bestCost: number;
}

function newSequence(): Sequence {
  return { segment: NOTHING, head: null, best: NOTHING, bestCost: cost(NOTHING) };
}

function consider(sequence: Sequence, strings: Strings): void {
  const candidateCost = cost(strings);
  if (candidateCost < sequence.bestCost) {
    sequence.best = strings;
    sequence.bestCost = candidateCost;
  }
}

/** Appends one piece: adjacent literals join into longer strings while the sets stay small. */
function append(sequence: Sequence, info: Info): void {
  if (info.exact) {
    const joined = product(sequence.segment, info.exact);
    if (joined) {
      sequence.segment = joined;
      return;
    }
  }
  // The segment ends here: it, followed by how the piece starts, is one candidate.
  const left = product(sequence.segment, info.prefix) ?? sequence.segment;
  consider(sequence, left);
  sequence.head ??= left;
  consider(sequence, info.required);
  sequence.segment = info.suffix;
}

function finish(sequence: Sequence): Info {
  if (sequence.head === null) return exactly(sequence.segment);
  consider(sequence, sequence.segment);
  return { exact: null, prefix: sequence.head, suffix: sequence.segment, required: sequence.best };
}

function alternatives(branches: readonly Info[]): Info {
  const only = branches.length === 1 ? branches[0] : undefined;
  if (only) return only;
  const exact = union(branches, 'exact', MAX_STRINGS);
  if (exact) return exactly(exact);
  return {
    exact: null,
    prefix: union(branches, 'prefix', MAX_STRINGS) ?? NOTHING,
    suffix: union(branches, 'suffix', MAX_STRINGS) ?? NOTHING,
    required: union(branches, 'required', MAX_REQUIRED) ?? NOTHING,
  };
}

function repeat(info: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  if (min === 0) {
    if (max === 1 && info.exact && info.exact.length < MAX_STRINGS) {
      return exactly(info.exact.includes('') ? info.exact : info.exact.concat(''));
    }
    return ANY;
  }
  if (min === 1 && max === 1) return info;
  let power: Strings | null = info.exact;
  for (let i = 1; i < min && power; i++) power = info.exact && product(power, info.exact);
  if (power && min === max) return exactly(power);
  // At least `min` copies: a match starts with them and ends with them (the two may overlap).
  const copies = power ?? info.exact;
  if (copies) return { exact: null, prefix: copies, suffix: copies, required: copies };
  return { exact: null, prefix: info.prefix, suffix: info.suffix, required: info.required };
}

// ---------------------------------------------------------------- reading the source

/** A group of plain alternatives, "(?:a|b c)" or "(a|b c)": split natively, the common case. */
const PLAIN_GROUP = /\((?:\?:)?([^\\[\]()?*+{}.^$]*)\)/y;
const NAMED_GROUP = /\(\?<[A-Za-z_$][\w$]*>/y;
const LITERAL_RUN = /[^\\[\]()|?*+{}.^$]+/y;
const BRACES = /\{(\d+)(?:(,)(\d*))?\}/y;
const CLASS_ESCAPES = 'wdsWDS';

/** ASCII punctuation: after a backslash, the character itself. */
function isPunctuation(char: string): boolean {
  const code = char.length === 1 ? char.charCodeAt(0) : 0;
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** The opening of the group at `start`: "(", "(?:", a lookaround or a named group; "" if unknown. */
function groupOpening(source: string, start: number): string {
  if (source[start + 1] !== '?') return '(';
  const kind = source[start + 2];
  if (kind === ':' || kind === '=' || kind === '!') return source.slice(start, start + 3);
  if (kind === '<' && (source[start + 3] === '=' || source[start + 3] === '!')) return source.slice(start, start + 4);
  NAMED_GROUP.lastIndex = start;
  return NAMED_GROUP.exec(source)?.[0] ?? '';
}

/** Where the class opening at `start` ends (its "]"), or -1. */
function classEnd(source: string, start: number, end: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  for (; i < end; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === ']') return i;
  }
  return -1;
}

/**
 * Where groups and alternatives end, read in one pass so nothing is scanned twice. At the index
 * of a "(", `ends` holds its ")"; at index + 1 of a "(" or "|" (and at 0, for the source's
 * start), `nextAlternative` holds where that alternative ends: the next "|" or ")" at the same
 * depth, or the source's length. Null when the parentheses do not balance.
 */
interface Groups {
  ends: Int32Array;
  nextAlternative: Int32Array;
}

function scanGroups(source: string): Groups | null {
  // Reused between calls (each index read is written in the same call): fewer allocations.
  if (scratch.ends.length < source.length + 1) {
    scratch = { ends: new Int32Array(source.length * 2), nextAlternative: new Int32Array(source.length * 2) };
  }
  const { ends, nextAlternative } = scratch;
  const open: number[] = [];
  /** Per depth, the "(" or "|" that began the current alternative (-1: the source's start). */
  const began: number[] = [-1];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 92) {
      i++; // \
    } else if (code === 91) {
      i = classEnd(source, i, source.length); // [
      if (i < 0) return null;
    } else if (code === 40) {
      open.push(i); // (
      began.push(i);
    } else if (code === 124) {
      nextAlternative[(began[began.length - 1] ?? -1) + 1] = i; // |
      began[began.length - 1] = i;
    } else if (code === 41) {
      const start = open.pop(); // )
      if (start === undefined) return null;
      ends[start] = i;
      nextAlternative[(began.pop() ?? -1) + 1] = i;
    }
  }
  if (open.length > 0) return null;
  nextAlternative[(began[0] ?? -1) + 1] = source.length;
  return scratch;
}
let scratch: Groups = { ends: new Int32Array(0), nextAlternative: new Int32Array(0) };

/** A class's characters when few and spelled out, null for "some character", undefined if not understood. */
function classChars(body: string): Strings | null | undefined {
  const negated = body[0] === '^';
  const chars: string[] = [];
  let known = !negated;
  /** The single character just read, which a following "-" makes a range start. */
  let rangeStart: string | null = null;
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    let char: string | null = body[i] ?? '';
    if (char === '\\') {
      const escaped = body[++i] ?? '';
      if (CLASS_ESCAPES.includes(escaped)) char = null;
      else if (isPunctuation(escaped)) char = escaped;
      else return undefined;
    } else if (char === '-' && rangeStart !== null && i + 1 < body.length) {
      let last: string | null = body[++i] ?? '';
      if (last === '\\') {
        const escaped = body[++i] ?? '';
        if (CLASS_ESCAPES.includes(escaped)) last = null;
        else if (isPunctuation(escaped)) last = escaped;
        else return undefined;
      }
      if (last === null) {
        known = false; // [a-\w] reads as a, -, \w
      } else {
        const from = rangeStart.charCodeAt(0);
        const to = last.charCodeAt(0);
        if (to < from) return undefined;
        if (to - from >= MAX_CLASS) known = false;
        else for (let code = from; code <= to; code++) if (!chars.includes(String.fromCharCode(code))) chars.push(String.fromCharCode(code));
      }
      rangeStart = null; // [a-c-e]: the second "-" is a plain character
      continue;
    }
    if (char === null) known = false;
    else if (!chars.includes(char)) chars.push(char);
    rangeStart = char;
  }
  // "[]" matches nothing and "[^]" anything: either way, "some character" is safe.
  return known && chars.length > 0 && chars.length <= MAX_CLASS ? chars : null;
}

function plainAlternatives(strings: Strings): Info {
  if (strings.length <= MAX_STRINGS) return exactly(strings);
  return { exact: null, prefix: NOTHING, suffix: NOTHING, required: strings.length <= MAX_REQUIRED ? strings : NOTHING };
}

/**
 * What every match of source[start, end) holds, or null when it has syntax not understood.
 * Lookarounds and optional groups other than plain alternatives are skipped unread: they
 * contribute nothing, whatever they hold (this keeps the cost low on a cold worker).
 */
function analyse(source: string, groups: Groups, openedAt: number, start: number, end: number): Info | null {
  const branches: Info[] = [];
  let sequence = newSequence();
  /** The "(" or "|" before the current alternative. */
  let began = openedAt;
  let i = start;
  while (i < end) {
    const char = source[i];
    if (char === '|') {
      branches.push(finish(sequence));
      sequence = newSequence();
      began = i;
      i++;
      continue;
    }
    if (sequence.bestCost <= GOOD_ENOUGH) {
      // Enough to go on: the rest of this alternative is not read (it may hold anything).
      append(sequence, ANY);
      i = groups.nextAlternative[began + 1] ?? end;
      continue;
    }
    // One atom: its end, and how to read it once its quantifier is known.
    let next: number;
    let atom: Info | null = null;
    /** A literal run: a quantifier after it repeats its last character only. */
    let run = '';
    /** A group to read once its quantifier is known: its "(", content start and ")". */
    let group: [number, number, number] | null = null;
    if (char === '(') {
      PLAIN_GROUP.lastIndex = i;
      const plain = PLAIN_GROUP.exec(source);
      if (plain && PLAIN_GROUP.lastIndex <= end) {
        atom = plainAlternatives((plain[1] ?? '').split('|'));
        next = PLAIN_GROUP.lastIndex;
      } else {
        const opening = groupOpening(source, i);
        const close = groups.ends[i] ?? 0;
        // An unknown group kind ("(?i:" and such) or an unclosed group.
        if (!opening || close <= i || close >= end) return null;
        next = close + 1;
        const lookaround = opening === '(?=' || opening === '(?!' || opening === '(?<=' || opening === '(?<!';
        if (lookaround) atom = EMPTY;
        else group = [i, i + opening.length, close];
      }
    } else if (char === '[') {
      const close = classEnd(source, i, end);
      if (close < 0) return null;
      const chars = classChars(source.slice(i + 1, close));
      if (chars === undefined) return null;
      atom = chars ? exactly(chars) : ANY;
      next = close + 1;
    } else if (char === '\\') {
      const escaped = i + 1 < end ? (source[i + 1] ?? '') : '';
      if (escaped === 'b' || escaped === 'B') atom = EMPTY;
      else if (CLASS_ESCAPES.includes(escaped)) atom = ANY;
      else if (isPunctuation(escaped)) atom = exactly([escaped]);
      else return null; // backreferences, \n, \x41, \u0041, \p{L}, \k<name>: not needed by our tables
      next = i + 2;
    } else if (char === '.') {
      atom = ANY;
      next = i + 1;
    } else if (char === '^' || char === '$') {
      atom = EMPTY;
      next = i + 1;
    } else {
      LITERAL_RUN.lastIndex = i;
      run = LITERAL_RUN.exec(source)?.[0] ?? '';
      if (!run) return null; // a quantifier with nothing to repeat, or a stray ) ] { }
      atom = exactly([run]);
      next = i + run.length;
    }

    let min = 1;
    let max = 1;
    const quantifier = next < end ? source[next] : undefined;
    if (quantifier === '?' || quantifier === '*' || quantifier === '+') {
      min = quantifier === '+' ? 1 : 0;
      max = quantifier === '?' ? 1 : Infinity;
      next++;
    } else if (quantifier === '{') {
      BRACES.lastIndex = next;
      const braces = BRACES.exec(source);
      if (!braces || BRACES.lastIndex > end) return null; // "{" read literally: do not guess
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      next = BRACES.lastIndex;
    }
    if (quantifier !== undefined && '?*+{'.includes(quantifier)) {
      if (next < end && source[next] === '?') next++; // lazy: the same strings
      if (max < min || (next < end && '?*+{'.includes(source[next] ?? ''))) return null;
    }
    if (group) {
      // An optional group adds nothing: no need to read it.
      if (min === 0) atom = ANY;
      else atom = analyse(source, groups, group[0], group[1], group[2]);
      if (!atom) return null;
    }
    if (atom && (min !== 1 || max !== 1)) {
      if (run.length > 1) {
        // "abc?": the run "ab", then an optional "c".
        append(sequence, exactly([run.slice(0, -1)]));
        atom = exactly([run.slice(-1)]);
      }
      atom = repeat(atom, min, max);
    }
    if (atom && atom !== EMPTY) append(sequence, atom);
    i = next;
  }
  branches.push(finish(sequence));
  return alternatives(branches);
}

/** Drops strings that contain another one: holding the shorter one is already required. */
function withoutSuperstrings(strings: Strings): string[] {
  const kept: string[] = [];
  for (let i = 0; i < strings.length; i++) {
    const candidate = strings[i] ?? '';
    let redundant = false;
    for (let j = 0; j < strings.length && !redundant; j++) {
      const other = strings[j] ?? '';
      // Of two equal strings, the first stays.
      redundant = j !== i && (other.length < candidate.length || (other === candidate && j < i)) && candidate.includes(other);
    }
    if (!redundant) kept.push(candidate);
  }
  return kept;
}

/**
 * Strings of which every match of the regexp contains at least one, or null when none can be
 * derived (then the regexp must always run). For case-sensitive regexps; flags that change
 * what a literal matches (i, u, v) or unknown ones give null.
 */
export function requiredLiterals(source: string, flags = ''): string[] | null {
  for (let i = 0; i < flags.length; i++) if (!'dgmsy'.includes(flags[i] ?? '')) return null;
  const groups = scanGroups(source);
  const info = groups && analyse(source, groups, -1, 0, source.length);
  if (!info) return null;
  const literals = withoutSuperstrings(info.required);
  if (literals.length === 0) return null;
  for (let i = 0; i < literals.length; i++) if ((literals[i] ?? '').length < MIN_LITERAL) return null;
  return literals;
}
