import type { Contact } from '../../schemas/notice.js';
import type { Text } from '../normalize/offsets.js';
import { lineText } from '../segment/lines.js';
import { spanAt, type DocumentContext } from './context.js';
import { bodyParagraphs } from './numbers.js';

const PHONE = /1[3-9]\d{9}(?!\d)|(?:（\d{3,4}）|\(\d{3,4}\)|\d{3,4}-)?\d{7,8}(?:-\d{1,5})?(?!\d)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const NAME = '[\\u4e00-\\u9fa5]{2,4}';
/** `梁文嘉，（020）83193872；` alone on its line */
const NAME_PHONE = new RegExp(`^(${NAME})[，,：:\\s]*(${PHONE.source})[；;。，,]?$`);
const ORG_LINE = /^[\u4e00-\u9fa5、（）]{3,40}(厅|局|委|部|办|室|处|司|中心|科|站|所|院|会|组)$/;

const UNIT_NOTE = /联系单位[：:]([^）)，,；;]+)/;
const LABELLED_PERSON = /联系人(?:及(?:联系)?(?:电话|方式))?[：:]\s*([\u4e00-\u9fa5、]{2,40})/;
const PHONE_LABEL = /(?:联系)?电话[：:]\s*/;

const ORG_END = /(厅|局|委|部|办|室|处|司|中心|科|站|所|院|会|组|股)/g;

/**
 * Who follows 联系人：— `张三`, `张三、李四`, or an office then a name run together once spaces
 * are gone (`省人社厅就业促进处张三` → org 省人社厅就业促进处, person 张三).
 */
function peopleOf(run: string): { org: string | null; person: string; at: number }[] {
  if (run.includes('、')) {
    let at = 0;
    return run.split('、').flatMap((p) => {
      const here = at;
      at += p.length + 1;
      return p.length >= 2 && p.length <= 4 ? [{ org: null, person: p, at: here }] : [];
    });
  }
  if (run.length <= 4) return [{ org: null, person: run, at: 0 }];
  let cut = -1;
  for (const m of run.matchAll(ORG_END)) {
    const end = m.index! + m[0].length;
    if (run.length - end >= 2 && run.length - end <= 4) cut = end;
  }
  return cut > 0 ? [{ org: run.slice(0, cut), person: run.slice(cut), at: cut }] : [];
}

/**
 * 联系人 and 联系方式: `梁文嘉，（020）83193872` under an organisation line, `联系人：栾贺` with
 * `联系电话：…`, `（电话：…，邮箱：…）`, and `（联系单位：…）`.
 */
export function extractContacts(ctx: DocumentContext): Contact[] {
  const out: Contact[] = [];
  // the body's paragraphs as the figure extractors read them (in outline order; an empty one names no contact), then the closing lines
  const texts: Text[] = bodyParagraphs(ctx).map((p) => p.text);
  for (const l of ctx.zones.closing) if (l.kind !== 'blank') texts.push(lineText(ctx.text, l));
  let org: string | null = null;
  let pending: Contact | null = null;
  for (const t of texts) {
    const v = t.value.replace(/\s+/g, '');
    const flat = t.value;
    if (ORG_LINE.test(v)) {
      org = v;
      continue;
    }
    // each pattern below starts with a word of its own: a paragraph without the word is not scanned
    // for it (most paragraphs hold none of them)
    const unit = flat.includes('联系单位') ? UNIT_NOTE.exec(flat) : null;
    if (unit) out.push({ org: unit[1], person: null, phone: null, email: null, span: spanAt(ctx, t, unit.index + 5) });
    const labelled = flat.includes('联系人') ? LABELLED_PERSON.exec(flat) : null;
    if (labelled) {
      const phone = PHONE.exec(flat.slice(labelled.index));
      const email = EMAIL.exec(flat.slice(labelled.index));
      const start = labelled.index + labelled[0].length - labelled[1].length;
      for (const who of peopleOf(labelled[1])) {
        pending = { org: who.org ?? org, person: who.person, phone: phone?.[0] ?? null, email: email?.[0] ?? null, span: spanAt(ctx, t, start + who.at) };
        out.push(pending);
      }
      if (pending) continue;
    }
    const phoneLabel = flat.includes('电话') ? PHONE_LABEL.exec(flat) : null;
    const email = flat.includes('@') ? EMAIL.exec(flat) : null;
    if (phoneLabel || email) {
      const phone = phoneLabel ? PHONE.exec(flat.slice(phoneLabel.index)) : null;
      if (pending && !pending.phone && phone && !email) {
        pending.phone = phone[0];
        continue;
      }
      if (phone || email) {
        out.push({ org, person: null, phone: phone?.[0] ?? null, email: email?.[0] ?? null, span: spanAt(ctx, t, (email ?? phone)!.index + (phone && !email ? phoneLabel!.index : 0)) });
        continue;
      }
    }
    const pair = NAME_PHONE.exec(v);
    if (pair) {
      out.push({ org, person: pair[1], phone: pair[2], email: null, span: spanAt(ctx, t, 0) });
      continue;
    }
  }
  return out;
}
