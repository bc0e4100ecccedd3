import { createActor, emit, setup } from 'xstate';
import { splitAgencies } from '../lexicon/agencies.js';
import { AGENCY_SUFFIX, endsTitle, isAgencyLine, isOrderMark, SEAL, SEAL_AFTER } from './classify.js';
import type { ClassifiedLine } from './documents.js';

/** GB/T 9704 zones of one document. */
export interface Zones {
  header: ClassifiedLine[];
  title: ClassifiedLine[];
  addressee: ClassifiedLine[];
  body: ClassifiedLine[];
  closing: ClassifiedLine[];
  signature: ClassifiedLine[];
  annexes: { heading: ClassifiedLine; lines: ClassifiedLine[] }[];
  colophon: ClassifiedLine[];
}

type Role = 'title' | 'titleDuplicate' | 'issuerLine' | 'addressee' | 'bodyStart' | null;
type LineEvent = { type: 'LINE'; line: ClassifiedLine; role: Role };

/** A numbered item of the 附件 list: `2.…`, `2、…`, `（2）…`. */
const ATTACHMENT_ITEM = /^(\d+|（\d+）)[.、．]?\s*\S/;

const empty = (): Zones => ({ header: [], title: [], addressee: [], body: [], closing: [], signature: [], annexes: [], colophon: [] });

type LineZone = 'header' | 'title' | 'addressee' | 'body' | 'closing' | 'colophon';
/** What the machine decides for a line: which zone it joins, or that it opens a new annex. */
type ZoneEvent = { type: 'zone'; zone: LineZone | 'annex' | 'openAnnex'; line: ClassifiedLine };

/**
 * Collects the machine's decisions outside its snapshot: appending to arrays keeps the walk
 * linear (copying the zones into the context on every line made it quadratic in the line count).
 */
function zoneCollector() {
  const zones = empty();
  const add = (e: ZoneEvent): void => {
    if (e.zone === 'openAnnex') zones.annexes.push({ heading: e.line, lines: [] });
    else if (e.zone === 'annex') zones.annexes[zones.annexes.length - 1].lines.push(e.line);
    else zones[e.zone].push(e.line);
  };
  return { zones, add };
}

/**
 * The layout machine: one LINE event per line, the state is the zone the reader is in; each
 * decision is emitted (`zone` events) and collected outside the machine.
 * Title and addressee ranges need lookahead (they wrap over blank lines), so they arrive as roles.
 */
export const layoutMachine = setup({
  types: { events: {} as LineEvent, emitted: {} as ZoneEvent },
  guards: {
    isTitle: ({ event }) => event.role === 'title',
    isTitleDuplicate: ({ event }) => event.role === 'titleDuplicate',
    isIssuerLine: ({ event }) => event.role === 'issuerLine',
    isAddressee: ({ event }) => event.role === 'addressee',
    isBodyStart: ({ event }) => event.role === 'bodyStart',
    isBlank: ({ event }) => event.line.kind === 'blank',
    isNoise: ({ event }) => event.line.kind === 'noise' || event.line.kind === 'meta',
    isFileNumber: ({ event }) => event.line.kind === 'fileNumber',
    isDate: ({ event }) => event.line.kind === 'date',
    isAnnexHeading: ({ event }) => event.line.kind === 'annexHeading',
    isColophonMark: ({ event }) => event.line.kind === 'printed' || event.line.kind === 'copyTo',
    isArticleStart: ({ event }) => /^第[一二三四五六七八九十百零〇]+[章条]/.test(event.line.flat) && (event.line.kind === 'clause' || event.line.kind === 'section'),
    isClosingMark: ({ event }) => ['attachmentNote', 'date', 'disclosure', 'contactNote'].includes(event.line.kind),
    // 印发/转发 notices often carry the document they issue right after the date, with no 附件 heading
    // (an item of the 附件 list, `2.湖北省…调查意见`, is not one)
    isEmbeddedTitle: ({ event }) =>
      (event.line.kind === 'text' || event.line.kind === 'agency') && endsTitle(event.line.flat) && event.line.flat.length >= 6 && !ATTACHMENT_ITEM.test(event.line.flat),
  },
  actions: {
    toHeader: emit(({ event }) => ({ type: 'zone' as const, zone: 'header' as const, line: event.line })),
    toTitle: emit(({ event }) => ({ type: 'zone' as const, zone: 'title' as const, line: event.line })),
    toAddressee: emit(({ event }) => ({ type: 'zone' as const, zone: 'addressee' as const, line: event.line })),
    toBody: emit(({ event }) => ({ type: 'zone' as const, zone: 'body' as const, line: event.line })),
    toClosing: emit(({ event }) => ({ type: 'zone' as const, zone: 'closing' as const, line: event.line })),
    toColophon: emit(({ event }) => ({ type: 'zone' as const, zone: 'colophon' as const, line: event.line })),
    openAnnex: emit(({ event }) => ({ type: 'zone' as const, zone: 'openAnnex' as const, line: event.line })),
    toAnnex: emit(({ event }) => ({ type: 'zone' as const, zone: 'annex' as const, line: event.line })),
  },
}).createMachine({
  id: 'layout',
  initial: 'header',
  states: {
    header: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isTitle', target: 'title', actions: 'toTitle' },
          // a copy without its title starts at the 主送机关 or right in the body
          { guard: 'isAddressee', target: 'preBody', actions: 'toAddressee' },
          { guard: 'isBodyStart', target: 'body', actions: 'toBody' },
          { actions: 'toHeader' },
        ],
      },
    },
    title: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isTitle', actions: 'toTitle' },
          { guard: 'isBlank' },
          { guard: 'isTitleDuplicate', target: 'preBody' },
          { guard: 'isIssuerLine', target: 'preBody', actions: 'toHeader' },
          { guard: 'isFileNumber', target: 'preBody', actions: 'toHeader' },
          { guard: 'isAddressee', target: 'preBody', actions: 'toAddressee' },
          { target: 'body', actions: 'toBody' },
        ],
      },
    },
    preBody: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isBlank' },
          { guard: 'isTitleDuplicate' },
          { guard: 'isIssuerLine', actions: 'toHeader' },
          { guard: 'isFileNumber', actions: 'toHeader' },
          // 批复/函 copies may print the 成文日期 between the 发文字号 and the 主送机关
          { guard: 'isDate', actions: 'toHeader' },
          { guard: 'isAddressee', actions: 'toAddressee' },
          { target: 'body', actions: 'toBody' },
        ],
      },
    },
    body: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isAnnexHeading', target: 'annex', actions: 'openAnnex' },
          { guard: 'isColophonMark', target: 'colophon', actions: 'toColophon' },
          { guard: 'isClosingMark', target: 'closing', actions: 'toClosing' },
          { actions: 'toBody' },
        ],
      },
    },
    closing: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isAnnexHeading', target: 'annex', actions: 'openAnnex' },
          { guard: 'isEmbeddedTitle', target: 'annex', actions: 'openAnnex' },
          { guard: 'isColophonMark', target: 'colophon', actions: 'toColophon' },
          // articles after the date without a title above them: an order's regulation printed
          // right below the order, whose title the copy gave once at the top
          { guard: 'isArticleStart', target: 'body', actions: 'toBody' },
          { actions: 'toClosing' },
        ],
      },
    },
    annex: {
      on: {
        LINE: [
          { guard: 'isNoise' },
          { guard: 'isAnnexHeading', target: 'annex', reenter: true, actions: 'openAnnex' },
          { guard: 'isColophonMark', target: 'colophon', actions: 'toColophon' },
          { actions: 'toAnnex' },
        ],
      },
    },
    colophon: { on: { LINE: [{ guard: 'isNoise' }, { actions: 'toColophon' }] } },
  },
});

/**
 * Runs the layout machine over one document's lines. The machine (above) is the decision maker;
 * this walks its transition table directly (first transition whose guard holds, its action, its
 * target) because an actor costs microseconds per event and a long document has 100,000 lines.
 * `segmentZonesWithActor` runs the same machine through an xstate actor; the tests hold the two equal.
 */
export function segmentZones(lines: ClassifiedLine[]): Zones {
  const roles = assignRoles(lines);
  const { zones, add } = zoneCollector();
  let state = INITIAL;
  // index loops and one guard argument per line: this runs per line of every document, mostly as
  // unoptimised code, where each for…of step and each argument object is an allocation
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const args = { event: { type: 'LINE', line, role: roles[i] } as LineEvent };
    const transitions = TRANSITIONS[state];
    for (let k = 0; k < transitions.length; k++) {
      const t = transitions[k];
      if (t.guard && !GUARDS[t.guard](args)) continue;
      for (let a = 0; a < t.actions.length; a++) add({ type: 'zone', zone: ACTION_ZONE[t.actions[a]], line });
      if (t.target) state = t.target;
      break;
    }
  }
  return settleSignature(zones);
}

/** The same walk through an xstate actor (the reference the fast walk is tested against). */
export function segmentZonesWithActor(lines: ClassifiedLine[]): Zones {
  const roles = assignRoles(lines);
  const { zones, add } = zoneCollector();
  const actor = createActor(layoutMachine);
  actor.on('zone', add);
  actor.start();
  lines.forEach((line, i) => actor.send({ type: 'LINE', line, role: roles[i] }));
  actor.stop();
  return settleSignature(zones);
}

/** Which zone each of the machine's actions puts the line in. */
const ACTION_ZONE: Record<string, ZoneEvent['zone']> = {
  toHeader: 'header',
  toTitle: 'title',
  toAddressee: 'addressee',
  toBody: 'body',
  toClosing: 'closing',
  toColophon: 'colophon',
  openAnnex: 'openAnnex',
  toAnnex: 'annex',
};

interface Transition {
  guard?: string;
  target?: string;
  actions: string[];
}
type GuardFn = (args: { event: LineEvent }) => boolean;

/** The machine's LINE transitions per state and its guards, read once from its definition. */
const INITIAL = String(layoutMachine.config.initial);
const GUARDS = layoutMachine.implementations.guards as unknown as Record<string, GuardFn>;
const TRANSITIONS: Record<string, Transition[]> = Object.fromEntries(
  Object.entries(layoutMachine.config.states ?? {}).map(([name, node]) => {
    const raw = (node as { on?: { LINE?: { guard?: string; target?: string; actions?: string | string[] }[] } }).on?.LINE ?? [];
    const transitions = raw.map((t) => {
      if (t.actions && [t.actions].flat().some((a) => !(a in ACTION_ZONE))) throw new Error(`layout machine: unknown action in ${name}`);
      return { guard: t.guard, target: t.target, actions: t.actions ? [t.actions].flat() : [] };
    });
    return [name, transitions];
  }),
);

const CONTENT_LIMIT = 40;

/** Lookahead: which lines form the title (it may wrap over blank lines) and the 主送机关. */
export function assignRoles(lines: ClassifiedLine[]): Role[] {
  const roles: Role[] = lines.map(() => null);
  let end = -1;
  let seen = 0;
  let order = false;
  let stop = -1;
  for (let i = headerBelowChrome(lines); i < lines.length && seen < CONTENT_LIMIT; i++) {
    const l = lines[i];
    // a page's metadata and chrome are not the notice's text: a long blurb there ends no title search
    if (l.kind === 'blank' || l.kind === 'meta' || l.kind === 'noise') continue;
    seen++;
    // an order (…令 / 第N号) has no title of its own: its first sentence is the body, and the
    // regulation's title after its date belongs to the regulation
    if (l.kind === 'issuerMark' && isOrderMark(l.flat)) order = true;
    if (order && l.flat.includes('。')) break;
    if ((l.kind === 'text' || l.kind === 'agency') && endsTitle(l.flat)) {
      end = i;
      break;
    }
    if ((/[。；]/.test(l.flat) && l.flat.length > 60) || (l.kind === 'text' && /[：:]$/.test(l.flat))) {
      // a 主送机关 line (the title would be above it), or a sentence
      stop = i;
      break;
    }
  }
  // a title found below a page's own text starts on its line: it names its issuing body first
  const belowLeadIn = end < 0 && stop >= 0 && !order ? titleAboveAddressee(lines, stop + 1, seen) : -1;
  if (belowLeadIn >= 0) end = belowLeadIn;
  if (end < 0) end = titleBelowHeader(lines);
  if (end < 0) return untitledRoles(lines, roles);
  const first = end;
  end = titleIssuingHeading(lines, titleBelowIssuer(lines, end));
  let title = lines[end].flat;
  roles[end] = 'title';
  // a title printed whole as a book title (《…的通知》) is complete on its line, and so is one above it;
  // a title found below the issuing body's line, or below a page's lead-in, starts on its own line
  let gap = 0;
  const gaps = new Set<number>();
  for (let k = /^《.+》$/.test(title) || end !== first || end === belowLeadIn ? -1 : end - 1; k >= 0; k--) {
    const l = lines[k];
    if (l.kind === 'blank') {
      gap++;
      // a title wraps over a blank line only while its first words (关于/转发/印发…) are still missing
      if (/关于|转发|印发|通知|意见/.test(title.replace(/(通知|意见|办法|方案)(（[^）]*）)?$/, ''))) {
        const issuer = issuerAboveSpacedTitle(lines, k, title, gaps);
        if (issuer >= 0) {
          roles[issuer] = 'title';
          title = lines[issuer].flat + title;
        }
        break;
      }
      continue;
    }
    if (gap) gaps.add(gap);
    gap = 0;
    // a title holds no sentence marks (a page's own headline above it does: 注意！…)
    if (!['text', 'agency'].includes(l.kind) || /[。；：！？!?]/.test(l.flat) || l.flat.length > 60 || endsTitle(l.flat)) break;
    // a page's heading that repeats the name of the document a title issues (…细则及文种式样 above
    // …关于印发…细则及文种式样的通知) is not the title's first line
    if (l.flat.length >= 6 && title.includes(l.flat)) break;
    // a title begins with its 发文机关 (GB/T 9704-2012 7.3.1: 发文机关名称、事由和文种): once it starts with
    // a body's name and 关于, a line above belongs to it only as (part of) more issuing bodies' names —
    // characters alone, no 《》, figure or mark a body's name never holds (a page's cut-off headline)
    if (namesIssuerFirst(title) && !/^[\u4e00-\u9fa5（）、]+$/.test(l.flat)) break;
    roles[k] = 'title';
    title = l.flat + title;
  }
  // a bracketed remark on its own line below the title belongs to it: （试行）, （征求意见稿）
  let i = end + 1;
  while (i < lines.length && lines[i].kind === 'blank') i++;
  if (i < lines.length && /^（[^）]{1,12}）$/.test(lines[i].flat) && lines[i].kind === 'text') {
    roles[i] = 'title';
    title += lines[i].flat;
    end = i;
  }
  // blank lines inside the title range carry no role; lines after it that repeat it are duplicates,
  // and a body's name printed between two copies of the title (a law database's 发布部门) is its issuer
  for (i = end + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'fileNumber' || l.kind === 'noise' || l.kind === 'meta') continue;
    const repeats = (f: string) => title.endsWith(f) && f.length >= 4;
    if (isAgencyLine(l.flat) && !repeats(l.flat) && repeats(nextContent(lines, i)?.flat ?? '')) roles[i] = 'issuerLine';
    else if (repeats(l.flat)) roles[i] = 'titleDuplicate';
    else break;
  }
  markAddressee(lines, roles, end + 1);
  return roles;
}

/** A title that begins with the issuing body's name and 关于 (广东省人民政府办公厅关于印发…). */
function namesIssuerFirst(title: string): boolean {
  const m = /^(.{3,60}?)关于/.exec(title);
  return m !== null && isAgencyLine(m[1]);
}

/**
 * A page that prints its own text above the notice it quotes (a writing guide's lead-in before its
 * 例文, a news paragraph): the title search stopped at a sentence or a colon line, yet a title that
 * names its issuing body (…人民政府关于…的决定) stands further down with a 主送机关 right below it —
 * the order GB/T 9704-2012 7.3.1–7.3.2 gives a notice's first two elements. The notice starts there.
 * The search ends at a date: what follows a date is a closing or an annex, never the notice's title.
 */
function titleAboveAddressee(lines: ClassifiedLine[], from: number, seen: number): number {
  // markAddressee marks what it finds: a scratch list, made once (not once per candidate line)
  let scratch: Role[] | null = null;
  for (let i = from; i < lines.length && seen < CONTENT_LIMIT; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'meta' || l.kind === 'noise') continue;
    seen++;
    if (l.kind === 'date') return -1;
    if ((l.kind !== 'text' && l.kind !== 'agency') || !endsTitle(l.flat) || !namesIssuerFirst(l.flat)) continue;
    scratch ??= lines.map(() => null);
    if (markAddressee(lines, scratch, i + 1) >= 0) return i;
  }
  return -1;
}

/**
 * A page headed with the name of the document a notice issues (周口市…管理规定 / 周口市人民政府关于印发
 * 周口市…管理规定的通知): when a title-like line a few lines below 印发s or 转发s the heading's
 * document, that line is the notice's title and the heading is the page's.
 */
function titleIssuingHeading(lines: ClassifiedLine[], first: number): number {
  const heading = lines[first].flat;
  if (heading.length < 6) return first;
  let seen = 0;
  for (let i = first + 1; i < lines.length && seen < 6; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'noise' || l.kind === 'meta') continue;
    seen++;
    if (/[。；]/.test(l.flat)) return first;
    if ((l.kind === 'text' || l.kind === 'agency') && endsTitle(l.flat) && new RegExp(`(印发|转发|发布)《?${escape(heading)}》?`).test(l.flat)) return i;
  }
  return first;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A page that puts each line of a centred title in a paragraph of its own (易县…指挥部 / 关于对…的 /
 * 通告, one blank line between each): the 发文机关 part of the title (GB/T 9704-2012 7.3.1) stands
 * above 关于 after the same gap as the title's other lines. Only with that same spacing — a law
 * database's body line above a title is set apart by a wider gap or sits above an unwrapped title.
 */
function issuerAboveSpacedTitle(lines: ClassifiedLine[], blank: number, title: string, gaps: Set<number>): number {
  if (gaps.size !== 1 || !title.startsWith('关于')) return -1;
  let k = blank;
  while (k >= 0 && lines[k].kind === 'blank') k--;
  const l = lines[k];
  if (!l || blank - k !== [...gaps][0] || l.kind !== 'agency' || !isAgencyLine(l.flat) || endsTitle(l.flat)) return -1;
  return k;
}

/**
 * Where the notice's 版头 starts when a page prints sentences above it (a document site's blurb):
 * a 发文机关标志 (…文件) below a sentence begins the notice, and the title is looked for from there.
 */
function headerBelowChrome(lines: ClassifiedLine[]): number {
  let sentence = false;
  for (let i = 0, seen = 0; i < lines.length && seen < CONTENT_LIMIT; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    seen++;
    if (l.kind === 'issuerMark' && sentence && !isOrderMark(l.flat)) return i;
    if (/[。；]/.test(l.flat) && l.flat.length > 60) sentence = true;
  }
  return 0;
}

/** The 主送机关 from line `from` on: up to four lines ending with a colon, not a sentence. */
function markAddressee(lines: ClassifiedLine[], roles: Role[], from: number): number {
  let addressee: number[] = [];
  let text = '';
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'fileNumber' || l.kind === 'date' || roles[i] === 'titleDuplicate') continue;
    if (l.kind !== 'text' && l.kind !== 'agency') break;
    addressee.push(i);
    text += l.flat;
    if (/[：:]$/.test(text)) break;
    if (addressee.length >= 4 || /[。]/.test(text)) {
      addressee = [];
      break;
    }
  }
  if (!(addressee.length && /[：:]$/.test(text) && !/[。]|如下|通知$|^(为|根据|按照|经)/.test(text) && text.length <= 300)) return -1;
  for (const k of addressee) roles[k] = 'addressee';
  return addressee[addressee.length - 1];
}

/**
 * A law database prints its own heading for a page, then the issuing body on a line of its own,
 * then the notice's title (法律资料网, 北大法宝: `…实施细则` / `江西省吉安市人民政府办公室` /
 * `关于印发…的通知`). GB/T 9704 prints the 发文机关 above the 标题: a title-like line right below
 * an agency line, within the first lines after the first title-like one, is the notice's title;
 * the heading above (often the issued document's name, or the same title) is the page's.
 */
function titleBelowIssuer(lines: ClassifiedLine[], first: number): number {
  const heading = lines[first].flat;
  let seen = 0;
  for (let i = first + 1; i < lines.length && seen < 6; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'noise' || l.kind === 'meta' || l.flat === lines[first].flat) continue;
    seen++;
    if (!isAgencyLine(l.flat)) continue;
    let k = i + 1;
    while (k < lines.length && lines[k].kind === 'blank') k++;
    const next = lines[k];
    // the same title again (the copy repeats it below the body's name) leaves the heading the title
    if (next && (next.kind === 'text' || next.kind === 'agency') && endsTitle(next.flat) && !isAgencyLine(next.flat) && !heading.endsWith(next.flat)) return k;
  }
  return first;
}

function nextContent(lines: ClassifiedLine[], i: number): ClassifiedLine | undefined {
  let k = i + 1;
  while (k < lines.length && (lines[k].kind === 'blank' || lines[k].kind === 'noise' || lines[k].kind === 'meta')) k++;
  return lines[k];
}

/**
 * A title without a document-type word (a template's 测试公文标题, an old notice's 关于…问题):
 * the short line right below the 版头's 发文字号 or 发文机关标志, when it is not a sentence.
 */
function titleBelowHeader(lines: ClassifiedLine[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 15; i++) {
    if (lines[i].kind === 'blank') continue;
    seen++;
    if (lines[i].kind !== 'fileNumber' && lines[i].kind !== 'issuerMark') continue;
    let k = i + 1;
    while (k < lines.length && lines[k].kind === 'blank') k++;
    const l = lines[k];
    if (l && (l.kind === 'text' || l.kind === 'agency') && l.flat.length >= 4 && l.flat.length <= 60 && !/[。；，：:]/.test(l.flat)) return k;
  }
  return -1;
}

/**
 * A partial copy without a title: it starts at its 主送机关, or right in the body (a numbered
 * section, or a sentence). Header elements above that (版头, 发文字号) stay in the header.
 */
function untitledRoles(lines: ClassifiedLine[], roles: Role[]): Role[] {
  const first = lines.findIndex((l) => l.kind !== 'blank' && l.kind !== 'noise' && l.kind !== 'meta' && l.kind !== 'fileNumber' && l.kind !== 'issuerMark' && !isAgencyish(l));
  if (first < 0) return roles;
  if (markAddressee(lines, roles, first) >= 0) return roles;
  const l = lines[first];
  if (l.kind === 'section' || l.kind === 'clause' || (l.kind === 'text' && /[。；，]/.test(l.flat))) roles[first] = 'bodyStart';
  return roles;
}

const isAgencyish = (l: ClassifiedLine) =>
  l.kind === 'agency' ||
  (l.kind === 'text' && /^[\u4e00-\u9fa5（）]{2,30}$/.test(l.flat) && !/^[一二三四五六七八九十]+、/.test(l.flat)) ||
  // several signing bodies on one line (run-on text, or printed side by side)
  (l.kind === 'text' && /^[\u4e00-\u9fa5（）]{6,200}$/.test(l.flat) && splitAgencies(l.flat).length > 1 && splitAgencies(l.flat).every((n) => isAgencyLine(n)));

/**
 * The signature block (发文机关署名) sits between the body and the date. Lines of agency names at
 * the end of the body, or inside the closing zone, move there.
 */
function settleSignature(zones: Zones): Zones {
  // trailing agency lines of the body
  let k = zones.body.length - 1;
  while (k >= 0 && (zones.body[k].kind === 'blank' || isAgencyish(zones.body[k]))) k--;
  const tail = zones.body.slice(k + 1).filter((l) => l.kind !== 'blank');
  const signs = tail.filter((l) => !SEAL.test(l.flat)).map((l) => l.flat.replace(SEAL_AFTER, '')).join('');
  const bodySignature = tail.length && AGENCY_SUFFIX.test(signs) ? tail : [];
  const body = bodySignature.length ? zones.body.slice(0, k + 1) : zones.body;

  // agency lines in the closing zone that are not part of the attachment list
  const closing: ClassifiedLine[] = [];
  const signature = [...zones.signature, ...bodySignature];
  const signing = signingLines(zones.closing);
  let inNote = false;
  for (const l of zones.closing) {
    if (l.kind === 'attachmentNote') inNote = true;
    else if (l.kind !== 'blank' && l.kind !== 'text' && l.kind !== 'agency') inNote = false;
    // an agency line right above the date is the 署名 that follows the 附件说明 (GB/T 9704-2012 7.3.4–7.3.5),
    // however the last item ends (…应急预案, …工作规则)
    const signs = signing.has(l) && l.kind === 'agency';
    if (inNote && !signs && l.kind !== 'attachmentNote' && l.kind !== 'blank' && continuesAttachmentList(closing, l)) {
      closing.push(l);
      continue;
    }
    if (l.kind !== 'attachmentNote' && l.kind !== 'blank') inNote = false;
    if (signing.has(l)) signature.push(l);
    else closing.push(l);
  }

  // the 印发机关 line just above the 印发日期 belongs to the 版记, not to the last annex
  const annexes = zones.annexes.slice();
  let colophon = zones.colophon;
  const last = annexes[annexes.length - 1];
  if (last && colophon.length) {
    let end = last.lines.length;
    while (end > 0 && (last.lines[end - 1].kind === 'blank' || isAgencyish(last.lines[end - 1]))) end--;
    colophon = [...last.lines.slice(end).filter((l) => l.kind !== 'blank'), ...colophon];
    annexes[annexes.length - 1] = { heading: last.heading, lines: last.lines.slice(0, end) };
  }
  return { ...zones, body, closing, signature, annexes, colophon };
}

/**
 * The closing lines that sign the notice: runs of agency-like lines (seals and blanks inside)
 * that end right above a date, or — in copies that print the date first — runs of lines with an
 * agency suffix right below one. Agency-like lines elsewhere in the closing zone (a table's
 * header cells, a form's field names after the date) are not signatures.
 */
function signingLines(closing: ClassifiedLine[]): Set<ClassifiedLine> {
  const out = new Set<ClassifiedLine>();
  const skip = (l: ClassifiedLine) => l.kind === 'blank' || SEAL.test(l.flat);
  for (let i = 0; i < closing.length; i++) {
    if (closing[i].kind !== 'date') continue;
    for (let k = i - 1; k >= 0 && (skip(closing[k]) || isAgencyish(closing[k])); k--) if (!skip(closing[k])) out.add(closing[k]);
    if (out.size) continue;
    for (let k = i + 1; k < closing.length && (skip(closing[k]) || closing[k].kind === 'agency'); k++) if (!skip(closing[k])) out.add(closing[k]);
  }
  return out;
}

/** 附件：1.… lists wrap: a line continues it when it is numbered or the previous item is unfinished. */
function continuesAttachmentList(previous: ClassifiedLine[], l: ClassifiedLine): boolean {
  if (/^\d+[.、．]/.test(l.flat)) return true;
  let k = previous.length - 1;
  while (k >= 0 && previous[k].kind === 'blank') k--;
  const prev = previous[k];
  if (!prev) return false;
  return !/(表|单|书|通知|办法|方案|意见|目录|清单|细则|指南|名单|）|明细|汇总|规定|标准|要点|计划|材料|说明|图)$/.test(prev.flat);
}
