import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeHandle } from '../src/serve/server.js';
import { buildStore } from '../src/serve/store.js';
import { launchChromium } from './helpers/chromium.js';
import { root } from './helpers/context.js';

/*
 * `notices serve` in real headless Chromium, as a reader uses it: search 交通补助, narrow by a facet,
 * open a notice, follow the link to its parent diff. Read by hand in the seeds: 吉林 (001) writes
 * 交通费补助 in its clause （八） and implements 人社部发〔2022〕13号, the national notice.
 */
let dir: string;
let handle: ServeHandle;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notices-serve-browser-'));
  await buildStore([join(root, 'seeds')], join(dir, 'notices.sqlite'));
  handle = await serve({ db: join(dir, 'notices.sqlite'), port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(handle.url)) errors.push(`request to ${r.url()}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notices serve in headless Chromium', () => {
  it('searches, narrows by a facet, opens a notice and follows its parent diff, with no console error and no outside request', async () => {
    await page.goto(handle.url, { waitUntil: 'load' });
    expect(await page.locator('table.notices').innerText()).toContain('人社部发〔2022〕13号');

    // search from the header box
    await page.locator('header form.search input[name=q]').fill('交通补助');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('header form.search button').click()]);
    const hits = page.locator('ol.hits > li');
    expect(await hits.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('ol.hits mark').allInnerTexts()).toEqual(expect.arrayContaining(['交通补助', '交通费补助', '交通费补贴']));

    // narrow to 吉林 with the province facet
    await Promise.all([page.waitForURL(/province=/), page.locator('aside.facets li[data-facet=province] a', { hasText: '吉林' }).click()]);
    expect(decodeURIComponent(page.url())).toContain('province=吉林');
    expect(await hits.count()).toBe(1);
    expect(await hits.first().innerText()).toContain('吉人社联〔2022〕81号');
    expect(await hits.first().innerText()).toContain('交通费补助');

    // open the notice at the clause
    await Promise.all([page.waitForURL(/\/notice\/\d+#clause-\d+$/), hits.first().locator('a').first().click()]);
    expect(await page.locator('h1').innerText()).toContain('吉人社联〔2022〕81号');
    const anchor = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${anchor}"]`).innerText()).toContain('（八）');

    // its parent: the national notice, and the diff against it
    expect(await page.locator('ul.parents').innerText()).toContain('人社部发〔2022〕13号');
    await Promise.all([page.waitForURL(/\/diff\/\d+$/), page.locator('ul.parents a.diff-link').first().click()]);
    expect(await page.locator('h1').innerText()).toContain('吉人社联〔2022〕81号');
    expect(await page.locator('h1').innerText()).toContain('人社部发〔2022〕13号');
    expect(await page.locator('section.pair').count()).toBeGreaterThan(5);

    // and back to the parent notice from the diff page
    await Promise.all([page.waitForURL(/\/notice\/\d+$/), page.locator('main a', { hasText: '人社部发〔2022〕13号' }).first().click()]);
    expect(await page.locator('h1').innerText()).toContain('人社部发〔2022〕13号');
    expect(errors).toEqual([]);
  }, 120_000);

  it('works without JavaScript: the same search is a plain form and links', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(new URL('/search?q=%E4%BA%A4%E9%80%9A%E8%A1%A5%E5%8A%A9', handle.url).href);
    expect(await p.locator('ol.hits > li').count()).toBeGreaterThanOrEqual(5);
    await ctx.close();
  });

  it('takes the README screenshot of a search', async () => {
    mkdirSync(join(root, 'out'), { recursive: true });
    await page.goto(new URL('/search?q=%E4%BA%A4%E9%80%9A%E8%A1%A5%E5%8A%A9', handle.url).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(root, 'out', 'serve.png'), fullPage: false });
    expect(errors).toEqual([]);
  });
});
