import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Subsidy } from '../../schemas/notice.js';
import { ALLOCATION_KIND_LABEL, allocationKind, SEVERITY_LABEL } from './labels.js';
import type { ReportEntry } from './model.js';

/**
 * The report's charts as SVG, drawn at build time by vega-lite + vega's headless renderer
 * (`view.toSVG()`: no canvas, no browser, nothing fetched). Each mark carries a description
 * (`aria-label`) naming the notice it stands for, so readers with a screen reader — and the
 * browser test — can tell them apart.
 */
export interface Chart {
  id: string;
  title: string;
  svg: string | null;
  /** shown instead when there is nothing to draw */
  empty: string;
}

export const CJK_FONT = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif';

const CONFIG = {
  font: CJK_FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom' as const },
};

export const SEVERITY_COLOURS = { error: '#c62828', warning: '#ef8f00', info: '#4a7fd6', none: '#9e9e9e' } as const;

/** Full-width characters (CJK, full-width punctuation) take a whole em; Latin about 0.6 of one. */
const FULL_WIDTH = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/**
 * Without a canvas vega estimates every character at 0.8 em, which clips Chinese axis labels; it
 * lets a caller supply the width function (vl-convert does the same), and this one is CJK-aware and
 * depends on nothing installed, so the SVG is the same on every machine.
 */
function estimateTextWidth(item: { text?: unknown; fontSize?: number }, text?: unknown): number {
  const value = text ?? item.text ?? '';
  const s = Array.isArray(value) ? value.join('') : String(value);
  let ems = 0;
  for (const ch of s) ems += FULL_WIDTH.test(ch) ? 1 : 0.6;
  return ems * (item.fontSize ?? 11);
}
(vega as unknown as { textMetrics: { width: typeof estimateTextWidth } }).textMetrics.width = estimateTextWidth;

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Amounts in 元, so subsidies printed in 万元 share the axis; null for units that are not money. */
function inYuan(s: Subsidy): number | null {
  const scale: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
  return s.unit in scale ? s.amount * scale[s.unit] : null;
}

const order = (entries: ReportEntry[]) => entries.map((e) => e.label);

/** The target bars of one province: each national allocation with the target paired with it (none: the headline target alone). */
function targetBars(e: ReportEntry) {
  const pairs = e.row.allocations.length ? e.row.allocations : [null];
  return pairs.flatMap((pair) => {
    const kind = ALLOCATION_KIND_LABEL[pair ? allocationKind(pair.table) : 'outbound'];
    const target = pair ? pair.target : e.row.headlineTarget;
    const bars = [];
    if (pair) bars.push({ notice: e.label, kind, series: '国家下达', value: pair.allocated, what: `${e.label} 国家下达 ${pair.allocated}万人（${kind}，${pair.table.split(' ')[0]}）` });
    if (target !== null) {
      const ratio = pair?.ratio != null ? `，为下达数的 ${pair.ratio} 倍` : '';
      bars.push({ notice: e.label, kind, series: '省定目标', value: target, what: `${e.label} 省定目标 ${target}万人（${kind}${ratio}）` });
    }
    return bars;
  });
}

/**
 * Per province: each target against the national allocation it is read against, in one panel per
 * kind of quota — people sent out to work (输出) and people taken in (吸纳) are different things, so
 * they never share a bar scale — and each panel with its own axis, so 387.6 taken in by Guangdong
 * does not flatten Jilin's 10.73 against 11.29.
 */
function targetsSpec(entries: ReportEntry[]): TopLevelSpec | null {
  const provinces = entries.filter((e) => e.record.level !== 'national' && (e.row.headlineTarget !== null || e.row.allocations.length));
  const data = provinces.flatMap(targetBars);
  if (!data.length) return null;
  const kinds = Object.values(ALLOCATION_KIND_LABEL).filter((k) => data.some((d) => d.kind === k));
  return {
    data: { values: data },
    facet: { row: { field: 'kind', type: 'nominal', sort: kinds, title: null, header: { labelFontSize: 13, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: 520,
      mark: { type: 'bar', tooltip: false },
      encoding: {
        y: { field: 'notice', type: 'nominal', sort: order(provinces), title: null },
        yOffset: { field: 'series', type: 'nominal', sort: ['国家下达', '省定目标'] },
        x: { field: 'value', type: 'quantitative', title: '万人（各栏单独刻度）' },
        color: { field: 'series', type: 'nominal', sort: ['国家下达', '省定目标'], scale: { range: ['#9bb7e0', '#2f5fa7'] }, title: null },
        description: { field: 'what', type: 'nominal' },
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    config: CONFIG,
  } as TopLevelSpec;
}

/** Largest ÷ smallest amount beyond which the subsidy axis is logarithmic. */
const LOG_SPREAD = 100;

/** Every subsidy amount, one dot each, on a row per province and kind. */
function subsidiesSpec(entries: ReportEntry[]): TopLevelSpec | null {
  const data = entries.flatMap((e) =>
    e.record.subsidies.flatMap((s) => {
      const yuan = inYuan(s);
      if (yuan === null) return [];
      const kind = s.name ?? '补助';
      return [{ notice: e.label, row: `${e.label} · ${kind}`, yuan, what: `${e.label} ${kind} ${s.amount}${s.unit}${s.per ? '/' + s.per : ''}` }];
    }),
  );
  if (!data.length) return null;
  const rows = [...new Set(data.map((d) => d.row))];
  // amounts from 15元/亩 to 5000万元 side by side need a log axis; a narrow spread reads better from zero
  const amounts = data.map((d) => d.yuan);
  const logAxis = Math.min(...amounts) > 0 && Math.max(...amounts) / Math.min(...amounts) > LOG_SPREAD;
  return {
    width: 520,
    data: { values: data },
    mark: { type: 'point', filled: true, size: 90, opacity: 0.85, tooltip: false },
    encoding: {
      y: { field: 'row', type: 'nominal', sort: rows, title: null },
      x: { field: 'yuan', type: 'quantitative', title: logAxis ? '元（对数坐标）' : '元', scale: logAxis ? { type: 'log' } : { zero: true } },
      color: { field: 'notice', type: 'nominal', sort: order(entries), title: null },
      description: { field: 'what', type: 'nominal' },
    },
    config: CONFIG,
  };
}

const worst = (f: ReportEntry['row']['findings']) => (f.error ? 'error' : f.warning ? 'warning' : f.info ? 'info' : 'none');

/** One bar per notice: how many findings, coloured by the worst severity among them. */
function findingsSpec(entries: ReportEntry[]): TopLevelSpec | null {
  if (!entries.length) return null;
  const data = entries.map((e) => {
    const f = e.row.findings;
    const w = worst(f);
    return { notice: e.label, total: f.error + f.warning + f.info, worst: SEVERITY_LABEL[w], what: `${e.label}: 错误 ${f.error}，警告 ${f.warning}，提示 ${f.info}` };
  });
  const severities = Object.keys(SEVERITY_COLOURS).map((k) => SEVERITY_LABEL[k as keyof typeof SEVERITY_LABEL]);
  return {
    width: 520,
    data: { values: data },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'notice', type: 'nominal', sort: order(entries), title: null },
      x: { field: 'total', type: 'quantitative', title: '检查结果（条）', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'worst', type: 'nominal', title: '最高级别', scale: { domain: severities, range: Object.values(SEVERITY_COLOURS) } },
      description: { field: 'what', type: 'nominal' },
    },
    config: CONFIG,
  };
}

const CHARTS: { id: string; title: string; empty: string; spec: (entries: ReportEntry[]) => TopLevelSpec | null }[] = [
  { id: 'chart-targets', title: '省定目标与国家下达（输出务工、吸纳务工分栏）', empty: '输入中没有省定目标或国家下达数。', spec: targetsSpec },
  { id: 'chart-subsidies', title: '补贴标准（按类）', empty: '输入中没有补贴金额。', spec: subsidiesSpec },
  { id: 'chart-findings', title: '检查结果', empty: '没有文件。', spec: findingsSpec },
];

export async function renderCharts(entries: ReportEntry[]): Promise<Chart[]> {
  const out: Chart[] = [];
  for (const c of CHARTS) {
    const spec = c.spec(entries);
    out.push({ id: c.id, title: c.title, empty: c.empty, svg: spec ? await toSvg(spec) : null });
  }
  return out;
}
