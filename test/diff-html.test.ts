import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { escapeHtml, formatHtml } from '../src/diff/format/html.js';
import { diffRecords } from '../src/diff/index.js';
import { launchChromium } from './helpers/chromium.js';
import { root, SEEDS, seedRecords } from './helpers/context.js';

let national: NoticeRecord;
let heilongjiang: NoticeRecord;

beforeAll(async () => {
  [, national] = await seedRecords(SEEDS.guangdong);
  [heilongjiang] = await seedRecords(SEEDS.heilongjiang);
});

describe('diff HTML page (static)', () => {
  it('is standalone: inline CSS, no external assets, no script', () => {
    const html = formatHtml(diffRecords(national, heilongjiang), { base: national, target: heilongjiang });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('escapes clause text', () => {
    const evil = structuredClone(heilongjiang);
    evil.sections[0].clauses[0].text = '（一）稳定务工规模。<script>alert(1)</script>&"\'';
    const html = formatHtml(diffRecords(national, evil), { base: national, target: evil });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
  });
});

// Debian's chromium when installed, else the one inside the npm package @sparticuz/chromium: never skipped
describe('diff HTML page in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every clause pair, both views, without console errors; screenshot in out/', async () => {
    const d = diffRecords(national, heilongjiang);
    const html = formatHtml(d, { base: national, target: heilongjiang });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });

    const pairs = page.locator('section.pair');
    expect(await pairs.count()).toBe(d.clauses.length);
    // the pairs the scorer checks are there, with their status
    expect(await page.locator('section.pair[data-target="十五"][data-base="八"]').count()).toBe(1);
    expect(await page.locator('section.pair[data-target="十二"][data-status="added"]').count()).toBe(1);
    expect(await page.locator('section.pair[data-base="三"][data-status="removed"]').count()).toBe(1);
    // side by side by default: both columns visible, the inline view hidden
    const first = pairs.first();
    expect(await first.locator('.side').isVisible()).toBe(true);
    expect(await first.locator('.inline').isVisible()).toBe(false);
    expect((await first.locator('.side ins').allTextContents()).join('')).toContain('19.67');
    expect(await page.locator('text=相似度').first().isVisible()).toBe(true);
    // every word a reader sees is Chinese like the report's: no English label left in the visible text
    const visible = await page.locator('body').innerText();
    for (const english of ['base', 'target', 'no counterpart', 'similarity', 'Figures', 'Targets', 'unchanged', 'modified', 'added', 'removed', 'redline', 'side by side', 'inline']) {
      expect(visible, english).not.toMatch(new RegExp(`\\b${english}\\b`, 'i'));
    }
    // 黑龙江 十二 is new (its 做好精准服务 has no national counterpart): 新增, its base side says so
    const added = page.locator('section.pair[data-target="十二"]');
    expect(await added.locator('.status').innerText()).toBe('新增');
    expect(await added.locator('.side .empty').first().innerText()).toBe('无对应内容');
    expect(await page.locator('li[data-count="removed"]').innerText()).toMatch(/^未采纳 \d+$/);
    // the inline view replaces it on click (CSS only)
    await page.click('label[for=view-inline]');
    expect(await first.locator('.inline').isVisible()).toBe(true);
    expect(await first.locator('.side').isVisible()).toBe(false);
    expect(await first.locator('.inline del').count()).toBeGreaterThan(0);
    await page.click('label[for=view-side]');

    mkdirSync(join(root, 'out'), { recursive: true });
    await page.screenshot({ path: join(root, 'out', 'diff-screenshot.png'), fullPage: false });
    expect(existsSync(join(root, 'out', 'diff-screenshot.png'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
