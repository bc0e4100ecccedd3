import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/chromium.js';
import { root } from './helpers/context.js';

/*
 * Expected values read by hand from the seeds (not from the program):
 * - 人社部发〔2022〕13号 (national, inside 000): 全国 不低于3000万人; annex 1 allocates 吉林 10.73,
 *   山东 17.88, 黑龙江 19.67; annex 2 (东部地区) allocates 山东 20.8 and 广东 387.6.
 * - 粤人社发〔2022〕15号 (000): 全省 不低于387.6万.      - 吉人社联〔2022〕81号 (001): 不低于11.29万人.
 * - 鲁人社字〔2022〕48号 (002): 不低于40.6万人 and 20.8万人. - 黑人社发〔2022〕18号 (004): 不低于19.67万人.
 * - The national notice numbers its clauses （一）…（十）: ten rows in the adoption matrix.
 * - Subsidy amounts: 吉林 one (1000元 一次性奖补); 黑龙江 five (200, 500 交通, 1000 奖励, 1000 and 500 生产奖补).
 * - Annex 1 (各省脱贫人口务工目标任务) is a quota of people sent out to work; annex 2 (东部地区吸纳…) a
 *   quota of people taken in: Guangdong's 387.6 and Shandong's 20.8 are intake, the rest outbound.
 * - 000 line 19-21: Guangdong forwards 人社部发〔2022〕13号 whole (转发你们…请一并贯彻执行): it adopts
 *   every national clause, so none of its matrix cells may read as not adopted.
 * - The national (七) is 落实就业帮扶政策 (000 line 123).
 */
const PROVINCES = ['广东省', '吉林省', '山东省', '黑龙江省'];
const EXPECTED: Record<string, { targets: number[]; allocations: number[] }> = {
  全国: { targets: [3000], allocations: [] },
  广东省: { targets: [387.6], allocations: [387.6] },
  吉林省: { targets: [11.29], allocations: [10.73] },
  山东省: { targets: [40.6, 20.8], allocations: [17.88, 20.8] },
  黑龙江省: { targets: [19.67], allocations: [19.67] },
};

const out = join(root, 'out');
const reportPath = join(out, 'report.html');

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  const run = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'report', join(root, 'seeds'), '--out', reportPath, '--quiet'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) errors.push(`request to ${r.url()}`);
  });
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

/** The overview's rows as the browser shows them: province and the given column's text. */
const overview = (key: string) =>
  page.$$eval(`#overview tbody tr`, (rows, k) => rows.map((r) => [(r.querySelector('td[data-key=province]') as HTMLElement).innerText.trim(), (r.querySelector(`td[data-key=${k}]`) as HTMLElement).innerText]), key);

const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

describe('out/report.html in headless Chromium', () => {
  it('opens from disk with no console errors and no network request', () => {
    expect(errors).toEqual([]);
  });

  it('has one overview row per seed notice, with the right targets and national allocations', async () => {
    const targets = await overview('targets');
    expect(targets.map(([p]) => p)).toEqual(['全国', ...PROVINCES]);
    for (const [province, text] of targets) {
      const figures = text.split('\n').map((line) => numbersIn(line)[0]);
      for (const t of EXPECTED[province].targets) expect(figures, `${province} targets`).toContain(t);
    }
    for (const [province, text] of await overview('allocation')) {
      expect(text.split('\n').filter(Boolean).map((line) => numbersIn(line)[0]), `${province} allocations`).toEqual(EXPECTED[province].allocations);
    }
  });

  it('sorts the rows by a column when its header is clicked, and reverses on a second click', async () => {
    const header = page.locator('#overview th[data-key=allocation] button');
    await header.click();
    // ascending by the first allocation; the national notice (none) last
    expect((await overview('allocation')).map(([p]) => p)).toEqual(['吉林省', '山东省', '黑龙江省', '广东省', '全国']);
    await header.click();
    expect((await overview('allocation')).map(([p]) => p)).toEqual(['广东省', '黑龙江省', '山东省', '吉林省', '全国']);
    await page.locator('#overview th[data-key=fileNumber] button').click();
    expect(await page.locator('#overview th[data-key=fileNumber]').getAttribute('aria-sort')).toBe('ascending');
  });

  it('draws one mark per province in the charts', async () => {
    const labels = (chart: string) => page.$$eval(`#${chart} svg .role-mark [role=graphics-symbol]`, (marks) => marks.map((m) => m.getAttribute('aria-label') ?? ''));
    const targetMarks = await labels('chart-targets');
    // one panel of outbound quotas (annex 1), then one of intake quotas (annex 2)
    for (const series of ['省定目标', '国家下达']) {
      const marks = targetMarks.filter((l) => l.includes(series));
      expect(marks.map((l) => l.split(' ')[0]), series).toEqual(['吉林省', '山东省', '黑龙江省', '广东省', '山东省']);
    }
    expect(targetMarks.find((l) => l.startsWith('山东省 省定目标'))).toContain('40.6');
    expect(targetMarks.find((l) => l.startsWith('吉林省 国家下达'))).toContain('10.73');
    expect(targetMarks.filter((l) => l.includes('吸纳务工')).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      '广东省 国家下达',
      '广东省 省定目标',
      '山东省 国家下达',
      '山东省 省定目标',
    ]);

    const findingMarks = await labels('chart-findings');
    expect(findingMarks.map((l) => l.split(':')[0])).toEqual(['全国', ...PROVINCES]);

    const subsidyMarks = await labels('chart-subsidies');
    expect(subsidyMarks.filter((l) => l.startsWith('吉林省'))).toHaveLength(1);
    expect(subsidyMarks.filter((l) => l.startsWith('黑龙江省'))).toHaveLength(5);
  });

  it('has a clause adoption matrix: one row per national clause, one column per province, cells linking into the diffs', async () => {
    const matrix = page.locator('table.matrix');
    expect(await matrix.count()).toBe(1);
    const columns = await matrix.locator('thead th[data-id]').evaluateAll((ths) => ths.map((th) => (th.querySelector('a') as HTMLElement).innerText));
    expect(columns).toEqual(PROVINCES);
    const rows = await matrix.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-clause')));
    expect(rows).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(await matrix.locator('tbody tr').first().locator('td').count()).toBe(PROVINCES.length);
    const broken = await page.$$eval('a[href^="#"]', (links) => links.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)));
    expect(broken).toEqual([]);
    await page.screenshot({ path: join(out, 'report.png'), fullPage: false });
  });

  it("shows Guangdong, which forwards the national notice whole, as adopting every clause (none 未采纳)", async () => {
    const column = PROVINCES.indexOf('广东省');
    const statuses = await page.$$eval('table.matrix tbody tr', (trs, i) => trs.map((tr) => tr.querySelectorAll('td')[i].getAttribute('data-status')), column);
    expect(statuses).toHaveLength(10);
    expect(statuses.every((s) => s === 'forwarded')).toBe(true);
    const texts = await page.$$eval('table.matrix tbody tr', (trs, i) => trs.map((tr) => (tr.querySelectorAll('td')[i] as HTMLElement).innerText), column);
    for (const t of texts) expect(t).not.toMatch(/删除|未采纳/);
    expect(await page.locator('table.matrix thead th[data-id]').nth(column).innerText()).toContain('转发全文');
    // and the overview counts none of the national clauses as removed for it
    expect(Object.fromEntries(await overview('removed'))['广东省'].trim()).toBe('0（转发全文）');
  });

  it('keeps the overview inside its own frame: the page never scrolls sideways (1280, 1900, 2560 px)', async () => {
    for (const width of [1280, 1900, 2560]) {
      await page.setViewportSize({ width, height: 1000 });
      const m = await page.evaluate(() => {
        const frame = document.getElementById('overview-frame')!.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, frameRight: frame.right };
      });
      expect(m.page, `${width}px`).toBeLessThanOrEqual(m.view);
      expect(m.frameRight, `${width}px`).toBeLessThanOrEqual(m.view);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('reads in Chinese: 不低于 not >=, similarity in %, header tooltips that are not keys, a colour legend', async () => {
    const targets = await overview('targets');
    for (const [, text] of targets) expect(text).not.toMatch(/>=|<=/);
    expect(targets.find(([p]) => p === '吉林省')![1]).toContain('不低于 11.29万人');
    for (const [province, text] of await overview('similarity')) if (province !== '全国') expect(text.trim(), province).toMatch(/^\d{1,3}%$/);
    const allocation = Object.fromEntries(await overview('allocation'));
    expect(allocation['广东省']).toContain('吸纳务工');
    expect(allocation['吉林省']).toContain('输出务工');
    const headers = await page.$$eval('#overview thead th', (ths) => ths.map((th) => [th.getAttribute('data-key'), th.getAttribute('title')]));
    for (const [key, title] of headers) {
      expect(title, key!).not.toBe(key);
      expect(title, key!).toMatch(/[\u4e00-\u9fff]/);
    }
    const legend = await page.$$eval('#matrix ~ ul.legend li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
    expect(legend.map((l) => l.split(/[（：]/)[0])).toEqual(['原文采纳', '修改采纳', '转发全文', '未采纳']);
  });

  it("links each national clause row to the clause's text", async () => {
    const href = await page.locator('table.matrix tbody tr[data-clause="七"] th a').getAttribute('href');
    const text = await page.$eval(href!, (li) => (li as HTMLElement).textContent ?? '');
    expect(text).toContain('落实就业帮扶政策');
  });

  it('gives each kind of quota its own scale: Jilin 11.29 is not flattened by Guangdong 387.6', async () => {
    const width = (label: string) =>
      page.$eval(`#chart-targets svg [role=graphics-symbol][aria-label^="${label}"]`, (m) => (m as SVGGraphicsElement).getBoundingClientRect().width);
    const jilin = await width('吉林省 省定目标');
    const guangdong = await width('广东省 省定目标');
    // on one linear axis Jilin's bar would be 11.29 / 387.6 ≈ 3 % of Guangdong's; in its own panel (max 40.6) about 28 %
    expect(jilin / guangdong).toBeGreaterThan(0.15);
    expect((await width('吉林省 省定目标')) / (await width('吉林省 国家下达'))).toBeCloseTo(11.29 / 10.73, 1);
  });
});
