import type { NoticeRecord } from '../../schemas/notice.js';

const compact = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** Below this, two titles are about different things (measured on the seeds and corpus-gold: see docs/architecture.md). */
export const TITLE_SIMILARITY_THRESHOLD = 0.6;

/**
 * The national notice a record implements, among the given records (the whole corpus, or just its
 * national notices: only those are looked at); null for a national notice
 * itself, or when none of them is the one it implements. The one place this choice is made (check,
 * diff, compare, report and `npm start` all ask here):
 *   1. the national notice it cites by 发文字号 (转发/根据/按照 人社部发〔2022〕13号);
 *   2. the one it cites by title (《关于做好…的通知》);
 *   3. the one whose title says the same thing (关于做好2022年脱贫人口稳岗就业工作的通知), when
 *      exactly one is similar enough.
 * A notice on another topic is never paired just because a national notice is among the inputs.
 */
export function nationalFor(record: NoticeRecord, records: readonly NoticeRecord[]): NoticeRecord | null {
  if (record.level === 'national') return null;
  const nationals = records.filter((r) => r.level === 'national' && r !== record);
  if (!nationals.length) return null;
  const citedNumbers = new Set(record.references.map((x) => compact(x.fileNumber)).filter(Boolean));
  const byNumber = nationals.find((n) => n.fileNumber && citedNumbers.has(compact(n.fileNumber.normalized)));
  if (byNumber) return byNumber;
  const citedTitles = record.references.map((x) => titleCore(x.title)).filter(Boolean);
  const byTitle = nationals.find((n) => n.title && citedTitles.includes(titleCore(n.title)));
  if (byTitle) return byTitle;
  const own = titleCore(record.title);
  if (!own) return null;
  const scored = nationals
    .map((n) => ({ n, score: n.title ? dice(own, titleCore(n.title)) : 0 }))
    .filter((x) => x.score >= TITLE_SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  return scored.length && (scored.length === 1 || scored[0].score > scored[1].score) ? scored[0].n : null;
}

/**
 * What a title is about, without who issues or forwards it and without its document type:
 * 吉林省人社厅…转发人力资源社会保障部…关于做好2022年脱贫人口稳岗就业工作的通知 → 做好2022年脱贫人口稳岗就业工作.
 */
export function titleCore(title: string | null | undefined): string {
  let t = compact(title).replace(/[《》〈〉“”"]/g, '');
  const about = t.lastIndexOf('关于');
  if (about >= 0) t = t.slice(about + 2);
  return t.replace(/的?(通知|意见|实施意见|实施方案|方案|办法|决定|函|批复)(（[^）]*）)?$/, '');
}

/** Dice coefficient over character bigrams: 1 for the same text, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * shared) / total : 0;
}
