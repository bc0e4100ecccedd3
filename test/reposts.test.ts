import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { SEEDS, seedPath } from './helpers/context.js';

/**
 * A notice reposted on a news portal: breadcrumbs, a 来源/作者/发布时间 line and the toolbar above it,
 * 责任编辑, 上一篇/下一篇 and the copyright below. The page's matter is not the notice's: the header
 * reads as printed. Expected values read off the printed texts by hand.
 */
const HEAD = '首页 > 新闻中心 > 通知公告\n\n来源：本站 作者：编辑部 发布时间：2024-03-05 10:21 浏览次数：1023\n【字体：大 中 小】【打印】【关闭】\n\n';
const FOOT = '\n\n责任编辑：王某\n上一篇：关于开展春季植树活动的通知\n下一篇：关于调整办公时间的公告\n打印本页 关闭窗口\n版权所有：某某网 备案号：京ICP备12345678号\n';
const reposted = (text: string) => HEAD + text + FOOT;

function header(text: string) {
  const r = processSource({ path: 'repost.txt', sha256: '0', format: 'text', text });
  if (!r.ok) throw new Error(r.reason);
  const x = r.records[0];
  return { records: r.records.length, title: x.title, issuers: x.issuers.map((i) => i.name), signedDate: x.signedDate };
}

describe('a notice reposted with a portal page around it', () => {
  it('the Jilin seed: five bodies sign it (no date below them), 责任编辑 after them is the page\'s', () => {
    const printed = readFileSync(seedPath(SEEDS.jilin), 'utf8');
    const issuers = ['吉林省人力资源和社会保障厅', '吉林省发展和改革委员会', '吉林省财政厅', '吉林省农业农村厅', '吉林省乡村振兴局'];
    expect(header(printed).issuers).toEqual(issuers);
    expect(header(reposted(printed))).toEqual(header(printed));
  });

  it('a run-on notice under the page header: still read as a whole notice on one line (Anshun, 2023)', () => {
    const printed = readFileSync(join(__dirname, 'fixtures', 'real', '39_anshun-shizhengfu-chubeiliang-guanli-banfa-2023.txt'), 'utf8');
    // the text opens at its 主送机关 (各县、自治县、区人民政府…：) and is signed 安顺市人民政府2023年9月5日
    const expected = { issuers: ['安顺市人民政府'], signedDate: '2023-09-05' };
    expect(header(printed)).toMatchObject(expected);
    expect(header(reposted(printed))).toMatchObject(expected);
  });
});
