import { describe, expect, it } from 'vitest';
import { contextsFromString, SEEDS, seedContexts } from './helpers/context.js';

describe('documents and zones', () => {
  it('seed 000 splits where the national header (…文件 + 发文字号) begins', async () => {
    const [gd, nat] = await seedContexts(SEEDS.guangdong);
    expect(gd.zones.annexes.map((a) => a.heading.flat)).toEqual(['附件']);
    expect(nat.zones.header.map((l) => l.flat).filter(Boolean)).toEqual(['人力资源社会保障部', '国家发展改革委', '财政部', '农业农村部', '国家乡村振兴局', '文件', '人社部发〔2022〕13号']);
    expect(nat.zones.colophon.map((l) => l.flat).filter(Boolean)).toEqual(['人力资源社会保障部办公厅', '2022年3月18日印发', '公开方式：主动公开']);
  });

  it('a wrapped signature block after the attachment list (seed 002)', async () => {
    const [sd] = await seedContexts(SEEDS.shandong);
    expect(sd.zones.signature.map((l) => l.flat).join('')).toBe('山东省人力资源和社会保障厅山东省发展和改革委员会山东省财政厅山东省农业农村厅山东省乡村振兴局');
  });

  it('web-page noise and a front matter do not become the title', async () => {
    const [ctx] = await contextsFromString(
      '---\n标题: 测试\n---\n\n> 本文由脚本提取，仅供检索查阅。\n> 依著作权法第五条。\n\n# 上海市测试局关于做好测试工作的通知\n\n上海市测试局关于做好测试工作的通知\n\n沪测〔2024〕1号\n\n各区测试局：\n\n一、总体要求\n\n做好工作。\n',
      'page.md',
    );
    expect(ctx.zones.title.map((l) => l.flat)).toEqual(['上海市测试局关于做好测试工作的通知']);
    expect(ctx.zones.addressee.map((l) => l.flat)).toEqual(['各区测试局：']);
    expect(ctx.zones.header.some((l) => l.flat.startsWith('>'))).toBe(false);
  });

  it('a 印发 notice: the issued document after the date gives the structure', async () => {
    const [ctx] = await contextsFromString(
      '上海市测试局印发《关于测试的实施意见》的通知\n\n各区：\n\n《关于测试的实施意见》已经同意，现印发给你们。\n\n上海市测试局\n\n2021年11月9日\n\n关于测试的实施意见\n\n一、指导思想\n\n坚持测试。\n\n二、基础制度\n\n（一）强化设计\n\n统筹考虑。\n',
    );
    expect(ctx.zones.annexes[0].heading.flat).toBe('关于测试的实施意见');
    expect(ctx.outline.sections.map((s) => s.heading)).toEqual(['指导思想', '基础制度']);
    expect(ctx.outline.sections[1].clauses.map((c) => c.number)).toEqual(['一']);
  });

  it('regulations: 第X章 chapters and 第X条 articles; （一） inside an article is not a clause', async () => {
    const [ctx] = await contextsFromString(
      '上海市测试管理办法\n\n第一章 总则\n\n第一条 为了测试，制定本办法。\n\n第二条 本办法适用于：\n\n（一）甲；\n\n（二）乙。\n\n第二章 管理\n\n第三条 测试机构负责管理。\n',
    );
    expect(ctx.outline.sections.map((s) => s.number)).toEqual(['一', '二']);
    expect(ctx.outline.sections.flatMap((s) => s.clauses.map((c) => c.number))).toEqual(['一', '二', '三']);
  });
});

describe('title remarks', () => {
  it('a bracketed remark on its own line below the title belongs to the title', async () => {
    const [ctx] = await contextsFromString('测人社发〔2022〕1号\n\n测试省人力资源和社会保障厅关于印发就业补贴管理办法的通知\n（试行）\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）做好工作。认真做好测试工作。\n');
    expect(ctx.zones.title.map((l) => l.flat).join('')).toBe('测试省人力资源和社会保障厅关于印发就业补贴管理办法的通知（试行）');
    expect(ctx.zones.addressee.map((l) => l.flat)).toEqual(['各市人力资源社会保障局：']);
  });
});

describe('the layout machine walked directly and through an xstate actor', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { segmentZones, segmentZonesWithActor } = await import('../src/segment/zones.js');
  const { classify, splitDocuments } = await import('../src/segment/documents.js');
  const { splitLines } = await import('../src/segment/lines.js');
  const { normalize } = await import('../src/normalize/index.js');
  const { root } = await import('./helpers/context.js');
  const dirs = ['seeds', 'test/fixtures/notices', 'test/fixtures/figures'].map((d) => join(root, d));
  const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  it.each(files.map((f) => [f.slice(root.length), f]))('%s: the same zones', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const n = normalize({ path: file, sha256: '0', format: 'text', text });
    const docs = splitDocuments(classify(splitLines(n.text)));
    expect(docs.length).toBeGreaterThan(0);
    for (const lines of docs) expect(segmentZones(lines)).toEqual(segmentZonesWithActor(lines));
  });
});
