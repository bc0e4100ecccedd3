// Copies of a labelled set in the shapes real copies take, each with the set's gold unchanged: a
// rule that reads the printed notice must read its copies too. Writes OUT/<variant>/{docs,gold}
// for each variant, ready for the team's scorer:
//
//   node scripts/copy-variants.mjs ../shared/corpus-gold /tmp/variants
//   node ../shared/eval/score.mjs --cli "node bin/notices.js" --docs /tmp/variants/runon/docs --gold /tmp/variants/runon/gold
//
// SET holds docs/ and gold/ in the scorer's format (each gold file names its document in `file`).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [set, out] = process.argv.slice(2);
if (!set || !out) {
  console.error('usage: copy-variants.mjs SET_DIR OUT_DIR');
  process.exit(2);
}

const ASCII = { '，': ',', '。': '.', '：': ':', '；': ';', '（': '(', '）': ')', '〔': '[', '〕': ']', '！': '!', '？': '?' };

const VARIANTS = {
  // every line break gone: pasted into one spreadsheet cell, a page without paragraphs
  runon: (t) => t.replace(/\r?\n+/g, ''),
  // a news portal's repost: breadcrumbs, source line and toolbar above, editor and links below
  repost: (t) =>
    `首页 > 新闻中心 > 通知公告\n\n来源：本站 作者：编辑部 发布时间：2024-03-05 10:21 浏览次数：1023\n【字体：大 中 小】【打印】【关闭】\n\n${t}\n\n` +
    '责任编辑：王某\n上一篇：关于开展春季植树活动的通知\n下一篇：关于调整办公时间的公告\n打印本页 关闭窗口\n版权所有：某某网 备案号：京ICP备12345678号\n',
  // a word processor's export: CRLF, full-width indentation of paragraphs (not of tab-led table cells), trailing spaces
  word: (t) => t.split(/\r?\n/).map((l) => l.replace(/^[ \u3000]+|[ \u3000]+$/g, '')).map((l) => (l === '' ? '' : l.startsWith('\t') ? `${l}  ` : `\u3000\u3000${l}  `)).join('\r\n'),
  // a blank line after every line (each printed line in its own <p>)
  double: (t) => t.replace(/\r?\n/g, '\n\n'),
  // punctuation typed on an English keyboard
  ascii: (t) => t.replace(/[，。：；（）〔〕！？]/g, (c) => ASCII[c]),
  // hard-wrapped at 28 characters, as a PDF's text layer or an e-mail breaks lines
  wrap: (t) => t.split('\n').map((l) => l.match(/.{1,28}/gu)?.join('\n') ?? '').join('\n'),
};

rmSync(out, { recursive: true, force: true });
for (const [name, copy] of Object.entries(VARIANTS)) {
  mkdirSync(join(out, name, 'docs'), { recursive: true });
  mkdirSync(join(out, name, 'gold'), { recursive: true });
  for (const g of readdirSync(join(set, 'gold')).filter((f) => f.endsWith('.json'))) {
    const gold = JSON.parse(readFileSync(join(set, 'gold', g), 'utf8'));
    const text = readFileSync(join(set, 'docs', gold.file), 'utf8');
    writeFileSync(join(out, name, 'docs', gold.file), copy(text));
    writeFileSync(join(out, name, 'gold', g), JSON.stringify(gold, null, 1));
  }
}
console.log(`${Object.keys(VARIANTS).join(', ')} → ${out}`);
