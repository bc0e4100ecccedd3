import type { Span } from '../../schemas/common.js';
import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord, Table } from '../../schemas/notice.js';
import { figuresHtml, numbersHtml, pairHtml, summaryItems } from '../diff/format/html.js';
import { DIFF_LABELS, pairingLabel } from '../diff/format/labels.js';
import { titleCore } from '../diff/national.js';
import { esc, layout } from './html.js';
import { noticeHref } from './list-pages.js';
import type { DiffLink, FindingRow, ParentRow, StoreQueries, StoredDiff } from './queries.js';

/** `/notice/<id>`: one notice, every field with the place in the source it was read from. */

const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Ctx {
  store: StoreQueries;
  id: number;
  record: NoticeRecord;
  findings: FindingRow[];
  /** the source's lines, when the store holds its text */
  lines: string[] | null;
  ids: ReturnType<StoreQueries['itemIds']>;
}

/** `line 12, col 3` linking to that line of the source text shown below (when the store has it). */
function where(c: Ctx, span: Span | null | undefined): string {
  if (!span) return '';
  const text = `${span.page ? `p.${span.page} ` : ''}line ${span.line}, col ${span.column}`;
  return c.lines ? `<a class="where" href="#L${span.line}">${text}</a>` : `<span class="where">${text}</span>`;
}

function headerHtml(c: Ctx): string {
  const r = c.record;
  const field = (name: string, value: string | null | undefined, span?: Span | null) =>
    value ? `<dt>${name}</dt><dd>${esc(value)}${where(c, span)}</dd>` : `<dt>${name}</dt><dd class="note">—</dd>`;
  return `<dl class="fields">
${field('文号 file number', r.fileNumber?.raw, r.fileNumber?.span)}
${field('标题 title', r.title, r.titleSpan)}
${field('文种 type', r.docType)}
${field('层级 level', r.level)}
${field('地区 region', r.region ? `${r.region.name} (${r.region.code})` : null)}
<dt>发文机关 issuers</dt><dd>${r.issuers.map((i) => `${esc(i.name)}${where(c, i.span)}`).join('<br>') || '<span class="note">—</span>'}</dd>
${field('主送 addressees', r.addressees.join('、'))}
${field('成文日期 signed', r.signedDate)}
${field('印发 printed', [r.printedBy, r.printedDate].filter(Boolean).join(' '))}
${field('来源 source', `${r.source.path} #${r.source.documentIndex} (${r.source.format}), sha256 ${r.source.sha256.slice(0, 12)}…`)}
</dl>`;
}

function findingsHtml(c: Ctx): string {
  if (!c.findings.length) return '<h2>Findings</h2><p class="note">None.</p>';
  const items = c.findings.map(
    (f) => `<li><span class="sev sev-${esc(f.severity)}">${esc(f.severity)}</span> <code>${esc(f.rule)}</code> ${esc(f.message)}${f.line ? where(c, { line: f.line, column: f.col ?? 1, ...(f.page ? { page: f.page } : {}) }) : ''}</li>`,
  );
  return `<h2>Findings (${c.findings.length})</h2><ul class="findings">${items.join('\n')}</ul>`;
}

function treeHtml(c: Ctx): string {
  const sections = c.record.sections.map((s, sp) => {
    const clauses = s.clauses.map(
      // the clause's text starts with its number and heading as printed: shown once
      (cl, cp) => `<li id="clause-${c.ids.clauses.get(`${sp}.${cp}`) ?? `${sp}-${cp}`}">${where(c, cl.span)}<div class="clause">${esc(cl.text)}</div></li>`,
    );
    const head = [s.number ? `${s.number}、` : '', s.heading ?? ''].join('') || '（正文）';
    const own = s.text.trim();
    const text = own && own !== head ? `<div class="clause">${esc(own.startsWith(head) ? own.slice(head.length).trim() : own)}</div>` : '';
    return `<li id="section-${c.ids.sections.get(sp) ?? sp}"><b>${esc(head)}</b>${where(c, s.span)}${text}${clauses.length ? `<ul class="tree">${clauses.join('\n')}</ul>` : ''}</li>`;
  });
  return `<h2>Clauses</h2>${sections.length ? `<ul class="tree">${sections.join('\n')}</ul>` : '<p class="note">No sections read.</p>'}`;
}

function targetsHtml(c: Ctx): string {
  if (!c.record.targets.length) return '';
  const rows = c.record.targets.map(
    (t) => `<tr><td>${esc(t.metric)}</td><td>${esc(t.comparator)}</td><td class="num">${t.value}${t.max !== null ? `–${t.max}` : ''}</td><td>${esc(t.unit)}</td><td>${esc(t.scope ?? '—')}</td><td>${esc(t.clause ?? '—')}</td><td>${esc(t.text)}${where(c, t.span)}</td></tr>`,
  );
  return `<h2>Targets</h2><table class="grid"><thead><tr><th>metric</th><th></th><th>value</th><th>unit</th><th>scope</th><th>clause</th><th>text</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Findings that concern a table's cells: by the table's label and the row's region and column, or by the row's position. */
function cellFindings(t: Table, findings: FindingRow[]): Map<string, FindingRow[]> {
  const marks = new Map<string, FindingRow[]>();
  const mark = (row: string, column: string, f: FindingRow) => marks.set(`${row}\u0000${column}`, [...(marks.get(`${row}\u0000${column}`) ?? []), f]);
  for (const f of findings) {
    const table = typeof f.data.table === 'string' ? f.data.table : null;
    const region = typeof f.data.region === 'string' ? f.data.region : null;
    const column = typeof f.data.column === 'string' ? f.data.column : '*';
    if (table !== null) {
      // a finding that names the table says which cell: a region's row, else the column's total
      if (table !== t.label) continue;
      if (region !== null) mark(region, column, f);
      else if (column !== '*' && t.declaredTotalPrinted) mark('合计', column, f);
      continue;
    }
    const row = t.rows.find((r) => f.line !== null && r.span.line === f.line && f.col === r.span.column);
    if (row) mark(row.region, column, f);
  }
  return marks;
}

function tablesHtml(c: Ctx): string {
  if (!c.record.tables.length) return '';
  const tables = c.record.tables.map((t, position) => {
    const marks = cellFindings(t, c.findings);
    const cell = (region: string, column: string, text: string | null) => {
      const fs = [...(marks.get(`${region}\u0000${column}`) ?? []), ...(marks.get(`${region}\u0000*`) ?? [])];
      return fs.length
        ? `<td class="num flag" title="${esc(fs.map((f) => `${f.rule}: ${f.message}`).join('\n'))}" data-rules="${esc(fs.map((f) => f.rule).join(' '))}">${esc(text ?? '')}</td>`
        : `<td class="num">${esc(text ?? '')}</td>`;
    };
    const rows = t.rows.map((r) => `<tr><td>${r.seq ?? ''}</td><td>${esc(r.region)}${where(c, r.span)}</td>${t.columns.map((col) => cell(r.region, col, r.printed[col] ?? null)).join('')}</tr>`);
    if (t.declaredTotalPrinted) rows.push(`<tr><td></td><td>合计</td>${t.columns.map((col) => cell('合计', col, t.declaredTotalPrinted?.[col] ?? null)).join('')}</tr>`);
    const name = [t.label, t.title].filter(Boolean).join(' ') || 'table';
    return `<h3 id="table-${c.ids.tables.get(position) ?? position}">${esc(name)}${t.unit ? ` <span class="note">(${esc(t.unit)})</span>` : ''}${where(c, t.span)}</h3>
<table class="grid"><thead><tr><th>序号</th><th>地区</th>${t.columns.map((col) => `<th>${esc(col)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  });
  return `<h2>Tables</h2><p class="note">Cells a finding concerns are outlined; hover for the finding.</p>${tables.join('\n')}`;
}

const compact = (s: string | null | undefined) => (s ?? '').replace(/[\s《》〈〉]/g, '');

/**
 * The stored notice a citation names: by its 发文字号, else by its title as printed (spaces and
 * book-title marks aside). Notices on one subject share what their titles are about (a province's
 * 转发…关于做好…的通知 and the national 关于做好…的通知), so the whole title must match.
 */
function citedNotice(c: Ctx, x: NoticeRecord['references'][number]): number | null {
  const byNumber = x.fileNumber ? c.store.documentsNumbered(x.fileNumber) : [];
  if (byNumber.length) return byNumber[0].id;
  const core = titleCore(x.title);
  const byTitle = core ? c.store.documentsTitled(core).filter((d) => d.id !== c.id && compact(d.title) === compact(x.title)) : [];
  return byTitle.length ? byTitle[0].id : null;
}

/** Whether a reference names this notice: its 发文字号, or (citing no other 文号) its whole title. */
function namesThis(c: Ctx, ref: { refNumber: string | null; refTitle: string | null }): boolean {
  const own = c.record.fileNumber?.normalized ?? null;
  if (ref.refNumber !== null) return own !== null && compact(ref.refNumber) === compact(own);
  return compact(ref.refTitle) !== '' && compact(ref.refTitle) === compact(c.record.title);
}

function referencesHtml(c: Ctx): string {
  const out = c.record.references.map((x) => {
    const stored = citedNotice(c, x);
    const name = esc([x.fileNumber, x.title ? `《${x.title}》` : null].filter(Boolean).join(' ') || '—');
    const link = stored !== null ? `<a href="${noticeHref(stored)}">${name}</a>` : name;
    return `<li>${esc(x.relation)}: ${link}${where(c, x.span)}</li>`;
  });
  const fileNumber = c.record.fileNumber?.normalized ?? null;
  const core = titleCore(c.record.title) || null;
  const seen = new Set<string>();
  const inbound = (fileNumber || core ? c.store.citedBy(fileNumber, core) : []).filter((l) => {
    const key = `${l.id}\u0000${l.relation}`;
    if (l.id === c.id || seen.has(key) || !namesThis(c, l)) return false;
    seen.add(key);
    return true;
  });
  const into = inbound.map((l) => `<li>${esc(l.relation)} by <a href="${noticeHref(l.id)}">${esc(l.fileNumber ?? '（无文号）')} ${esc(l.title)}</a></li>`);
  return `<h2>References</h2>
<h3>Cites (out)</h3>${out.length ? `<ul class="refs-out">${out.join('')}</ul>` : '<p class="note">None.</p>'}
<h3>Cited by (in)</h3>${into.length ? `<ul class="refs-in">${into.join('')}</ul>` : '<p class="note">No stored notice refers to this one.</p>'}`;
}

/** How a parent was found, as a reader says it (diffs.pairing_by / parents.chosen_by). */
const HOW: Record<string, string> = {
  fileNumber: 'cites its 发文字号',
  title: 'cites its title',
  titleSimilarity: 'similar title',
  content: 'reuses its clauses',
  given: 'diff given when loaded',
};
const how = (by: string | null, similarity: number | null) =>
  by && HOW[by] ? ` · ${HOW[by]}${similarity !== null && (by === 'content' || by === 'titleSimilarity') ? ` (${pct(similarity)})` : ''}` : '';

const linkTo = (l: DiffLink) =>
  `${l.id !== null ? `<a href="${noticeHref(l.id)}">${esc(l.fileNumber ?? l.path)}</a>` : esc(l.fileNumber ?? l.path)} ${esc(l.title ?? '')} · similarity ${pct(l.similarity)}${how(l.pairingBy, l.pairingSimilarity)} · <a class="diff-link" href="/diff/${l.diffId}">diff</a>`;

/** Why a notice has no parent diff, from the choice the store made when it was loaded (table parents). */
function noParent(row: ParentRow | undefined): string {
  if (row?.chosenBy === 'cover') return 'A cover notice (转发/印发): the document it forwards in the same file is paired with the parent.';
  return 'No stored notice is its parent: it cites none, and no higher notice of its region has a similar title or shares enough of its clauses.';
}

function parentsHtml(c: Ctx, parents: DiffLink[]): string {
  if (parents.length) return `<ul class="parents">${parents.map((l) => `<li>${linkTo(l)}</li>`).join('')}</ul>`;
  return `<p class="note">${esc(noParent(c.store.parentRow(c.id)))}</p>`;
}

function familyHtml(c: Ctx): string {
  const { parents, adaptations } = c.store.diffsOf(c.record.source.path, c.record.source.documentIndex, c.record.fileNumber?.normalized ?? null);
  const parentDiff = parents[0] ? c.store.diff(parents[0].diffId) : undefined;
  return `<h2>Parent and adaptations</h2>
<h3>Parent</h3>${parentsHtml(c, parents)}
<h3>Adaptations</h3>${adaptations.length ? `<ul class="adaptations">${adaptations.map((l) => `<li>${linkTo(l)}</li>`).join('')}</ul>` : '<p class="note">No stored diff has this notice as its base.</p>'}
${parentDiff ? `<details class="diff"><summary>Diff against the parent (${parentDiff.counts.modified} modified, ${parentDiff.counts.added} added, ${parentDiff.counts.removed} removed)</summary>${diffBody(parentDiff, 'p')}</details>` : ''}`;
}

/** The parts of the record that carry a span, by source line: what the source view highlights. */
function spansByLine(r: NoticeRecord, findings: FindingRow[]): Map<number, string[]> {
  const at = new Map<number, string[]>();
  const add = (what: string, span: Span | null | undefined) => {
    if (span) at.set(span.line, [...(at.get(span.line) ?? []), what]);
  };
  add('title', r.titleSpan);
  add('file number', r.fileNumber?.span);
  r.issuers.forEach((i) => add(`issuer ${i.name}`, i.span));
  r.references.forEach((x) => add(`reference ${x.fileNumber ?? x.title ?? ''}`, x.span));
  r.sections.forEach((s) => {
    add(`section ${s.number ?? ''}`, s.span);
    s.clauses.forEach((cl) => add(`clause ${cl.number}`, cl.span));
  });
  r.targets.forEach((t) => add(`target ${t.metric}`, t.span));
  r.subsidies.forEach((s) => add(`subsidy ${s.amount}${s.unit}`, s.span));
  r.tables.forEach((t) => {
    add(`table ${t.label ?? ''}`, t.span);
    t.rows.forEach((row) => add(`row ${row.region}`, row.span));
  });
  for (const f of findings) if (f.line) add(`finding ${f.rule}`, { line: f.line, column: f.col ?? 1 });
  return at;
}

function sourceHtml(c: Ctx): string {
  if (!c.lines) {
    return `<h2>Source text</h2><p class="note">This store does not hold the source text (stores written by <code>notices extract --format sqlite</code> do not; <code>notices serve FILES…</code> keeps it). Positions above are line and column in ${esc(c.record.source.path)} as read.</p>`;
  }
  const marks = spansByLine(c.record, c.findings);
  const lines = c.lines.map((text, i) => {
    const what = marks.get(i + 1);
    return `<span class="l${what ? ' hl' : ''}" id="L${i + 1}" data-n="${i + 1}"${what ? ` title="${esc(what.join(' · '))}"` : ''}>${esc(text) || ' '}</span>`;
  });
  return `<h2>Source text</h2><p class="note">Highlighted lines are where a field, clause, table or finding was read.</p><pre class="source">${lines.join('')}</pre>`;
}

/** The clause pairs and figures of a diff (stored or computed), as the diff page and the notice page show them. */
export function diffBody(d: StoredDiff | DiffRecord, idPrefix = ''): string {
  return `${d.clauses.map((cl, i) => pairHtml(cl, i, idPrefix)).join('\n')}\n${numbersHtml(d as DiffRecord)}\n${figuresHtml(d as DiffRecord)}`;
}

export function noticePage(store: StoreQueries, id: number): string | null {
  const row = store.notice(id);
  if (!row) return null;
  const record = JSON.parse(row.recordJson) as NoticeRecord;
  const text = store.sourceText(row.sha256);
  const c: Ctx = { store, id, record, findings: store.findings(id), lines: text === undefined ? null : text.split(/\r?\n/), ids: store.itemIds(id) };
  const title = `${record.fileNumber?.normalized ?? '（无文号）'} ${record.title ?? '（无标题）'}`;
  const body = `<h1>${esc(title)}</h1>
<p class="twins">This notice as <a href="/api/notices/${id}">JSON</a> (the whole record)</p>
${headerHtml(c)}
${findingsHtml(c)}
${familyHtml(c)}
${treeHtml(c)}
${targetsHtml(c)}
${tablesHtml(c)}
${referencesHtml(c)}
${sourceHtml(c)}`;
  return layout(title, body);
}

/** `/diff/<id>`: a stored diff. */
export function diffPage(store: StoreQueries, id: number): string | null {
  const d = store.diff(id);
  return d ? diffHtml(store, d, `<p class="twins">This diff as <a href="/api/diffs/${id}">JSON</a></p>`) : null;
}

/** `/parent-diff/<id>`: a notice against the parent the store chose for it when it was loaded (table parents). */
export function parentDiffPage(store: StoreQueries, id: number): string | null {
  const diffId = store.parentRow(id)?.diffId;
  return diffId ? diffPage(store, diffId) : null;
}

function diffHtml(store: StoreQueries, d: StoredDiff | DiffRecord, note: string): string {
  const side = (path: string, fileNumber: string | null) => {
    const doc = store.documentAt(path, fileNumber);
    const name = esc(fileNumber ?? path);
    return doc ? `<a href="${noticeHref(doc.id)}">${name}</a> ${esc(doc.title)}` : name;
  };
  const title = `${d.target ?? d.targetPath} ↔ ${d.base ?? d.basePath}`;
  const pairing = d.pairing ? `<br>${DIFF_LABELS.pairing}：${esc(pairingLabel(d.pairing as NonNullable<DiffRecord['pairing']>))}` : '';
  const body = `<h1>Diff: ${esc(title)}</h1>
<p>${DIFF_LABELS.target} ${side(d.targetPath, d.target)}<br>${DIFF_LABELS.base} ${side(d.basePath, d.base)}${pairing}</p>
<ul class="counts">${summaryItems(d)}</ul>
${note}
<section class="diff">${diffBody(d)}</section>`;
  return layout(`Diff ${title}`, body);
}
