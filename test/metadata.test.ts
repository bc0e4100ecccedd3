import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { cleanTitle } from '../src/extract/title.js';
import { sourceFromBytes } from '../src/read/source.js';

// Values the document does not print come from the page around it, and say so (provenance).

async function first(text: string, path: string) {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records[0];
}

const frontMatter = (fields: string) => `---\n${fields}\n---\n\n`;

describe('front matter fills what the body does not print', () => {
  it('a 文号 only in the front matter: the record has it, marked metadata; the printed title is body', async () => {
    const r = await first(
      frontMatter('文号: 沪绿容〔2023〕12号\n发布日期: 2023-08-25') +
        '上海市绿化和市容管理局关于做好环卫工人高温防护工作的通知\n\n各区绿化市容局：\n\n一、落实防暑措施。各区要合理安排作业时间。\n\n二、加强检查。\n\n上海市绿化和市容管理局\n\n2023年8月23日\n',
      'notice.md',
    );
    expect(r.fileNumber?.normalized).toBe('沪绿容〔2023〕12号');
    expect(r.provenance.fileNumber).toBe('metadata');
    expect(r.provenance.title).toBe('body');
    // the body prints its date: the front matter's 发布日期 does not replace it
    expect(r.signedDate).toBe('2023-08-23');
    expect(r.provenance.signedDate).toBe('body');
  });

  it('a body-only text: title, issuer and level from the front matter, marked metadata; its 发布日期 is no 成文日期', async () => {
    const r = await first(
      frontMatter('标题: 关于推进城市绿道建设的实施意见\n发布单位: 某某市园林局\n发布日期: 2024-03-01\n层级: 市级') +
        '一、总体要求\n\n（一）建设目标。到2025年，各区要建成绿道2000公里左右。\n\n二、保障措施\n\n（二）加强领导。各部门要落实责任。\n',
      'body.md',
    );
    expect(r.title).toBe('关于推进城市绿道建设的实施意见');
    expect(r.provenance).toEqual({ title: 'metadata', issuers: 'metadata', level: 'metadata' });
    // the day the page went up (GB/T 9704 dates a notice by its 成文日期, which this copy does not print)
    expect(r.signedDate).toBeNull();
    expect(r.level).toBe('municipal');
  });
});

describe('HTML <meta> fields', () => {
  it('a page whose text starts at the 主送机关: title from ArticleTitle, marked metadata; PubDate is no 成文日期', async () => {
    const html = `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="某某市人民政府办公室关于做好防汛工作的通知"><meta name="PubDate" content="2024-06-12 09:30"></head>
<body><p>各区人民政府，市政府各部门：</p><p>一、压实防汛责任。各区要落实属地责任。</p><p>二、加强巡查值守。各部门要做好应急准备。</p><p>特此通知。</p></body></html>`;
    const r = await first(html, 'page.html');
    expect(r.title).toBe('某某市人民政府办公室关于做好防汛工作的通知');
    expect(r.titleSpan).toBeNull();
    expect(r.signedDate).toBeNull();
    expect(r.provenance.title).toBe('metadata');
    expect(r.provenance.signedDate).toBeUndefined();
  });
});

describe('web-copy artefacts around a title', () => {
  it('a bullet and a 标题| label before it, a site name after it', () => {
    expect(cleanTitle('•标题|人力资源社会保障部财政部关于做好失业保险稳岗位提技能防失业工作的通知').value).toBe(
      '人力资源社会保障部财政部关于做好失业保险稳岗位提技能防失业工作的通知',
    );
    expect(cleanTitle('国务院办公厅关于印发某某方案的通知_中国政府网').value).toBe('国务院办公厅关于印发某某方案的通知');
    // a title without wrapping is left alone
    expect(cleanTitle('关于印发《名称：某某》的通知').value).toBe('关于印发《名称：某某》的通知');
  });
});
