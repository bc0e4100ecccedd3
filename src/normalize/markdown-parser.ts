import type { Processor } from 'unified';
import type { Root } from 'mdast';

/**
 * The remark parser, loaded on first need: unified, micromark and its extensions are ~100 modules,
 * which a run over plain-text notices (or `notices --help`) should not pay for. The reader calls
 * `loadMarkdownParser()` when a text has Markdown syntax; `stripMarkdown` then parses synchronously.
 */
let parser: Processor<Root> | null = null;

/**
 * Every construct remark removes starts with one of these ASCII characters (emphasis, headings,
 * quotes, code, links, HTML and entities, tables, strikethrough, escapes, breaks and setext
 * underlines, front matter, bullets). Whitespace is never deleted and ordered-list numbers are
 * kept, so a text without any of them comes out of remark unchanged: no need to parse it.
 * `-`, `+` and `=` are syntax only where a block starts (bullets, thematic breaks, setext
 * underlines, front matter fences): at a line's start after spaces or tabs and ordered-list
 * markers (`1. - …`); other containers (`>`, `*` bullets) are gated themselves. Inside a line
 * (`0451-87130330`, `雨露计划+`) remark keeps them as text, so they send no block to the parser.
 */
const MARKDOWN_SYNTAX = /[*_#>`[\]!<&|~\\]|^[ \t]*(?:\d{1,9}[.)][ \t]+)*[-+=]/m;
/**
 * An ordered-list marker whose item is empty or starts with indented code: remark deletes the marker
 * (its keep rule needs a first child) or reads the rest as code, though no gate character is there;
 * after other markers too (`1. 1. `: a list nested in the first item, its one item empty).
 */
const ODD_ORDERED_ITEM = /^[ \t]{0,3}(?:\d{1,9}[.)][ \t]+)*\d{1,9}[.)](?:[ \t]*\r?$|[ \t]*\t| {5})/m;
export const hasMarkdownSyntax = (value: string): boolean => MARKDOWN_SYNTAX.test(value) || ODD_ORDERED_ITEM.test(value);

export async function loadMarkdownParser(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkCjkFriendly }, { default: remarkFrontmatter }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-cjk-friendly'),
    import('remark-frontmatter'),
  ]);
  // remark-cjk-friendly: CommonMark does not close `**一、标题。**正文` (punctuation before the delimiter, a letter after); CJK text needs it.
  parser ??= unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
}

export function parseMarkdown(value: string): Root {
  if (!parser) throw new Error('Markdown parser not loaded: await loadMarkdownParser() first');
  return parser.parse(value) as Root;
}
