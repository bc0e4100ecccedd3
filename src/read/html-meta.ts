/**
 * The <meta> fields a government page states about the notice it holds, under the keys of a
 * scraper's front matter: the TRS/gov.cn fields (`ArticleTitle`, `PubDate`), Dublin Core
 * (`DC.title`, `DC.date`) and Open Graph (`og:title`, `article:published_time`). Used only where
 * the notice does not print the value. A page's `ContentSource` is not read: on a news repost it
 * names the news agency, not the issuer.
 */
const META_KEYS: Record<string, string> = {
  articletitle: '标题',
  'dc.title': '标题',
  'og:title': '标题',
  pubdate: '发布日期',
  'dc.date': '发布日期',
  'article:published_time': '发布日期',
};

const META_TAG = /<meta\b[^>]*>/gi;
const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);

/** The first value of each known field, in the page's <head> (the first 64 KB). */
export function htmlMetaFields(html: string): Record<string, string> {
  const head = html.slice(0, 65536);
  const out: Record<string, string> = {};
  for (const tag of head.match(META_TAG) ?? []) {
    const name = attr(tag, 'name') ?? attr(tag, 'property');
    const content = attr(tag, 'content');
    const key = name && META_KEYS[(name[2] ?? name[3] ?? name[4]).toLowerCase()];
    const value = content && (content[2] ?? content[3] ?? content[4]).trim();
    if (key && value && !(key in out)) out[key] = decodeEntities(value);
  }
  return out;
}

const decodeEntities = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
