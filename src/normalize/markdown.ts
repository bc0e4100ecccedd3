import type { Nodes } from 'mdast';
import { hasMarkdownSyntax, parseMarkdown } from './markdown-parser.js';
import { quoteBlockEdits, simpleBlockEdits } from './markdown-simple.js';
import { applyEdits, type Edit, type Text } from './offsets.js';

export { hasMarkdownSyntax, loadMarkdownParser } from './markdown-parser.js';

export interface FrontMatter {
  fields: Record<string, string>;
  /** offset in the source of each field's value; absent for a value stated outside the text (HTML <meta>) */
  offsets: Record<string, number>;
}

/**
 * Removes Markdown markup (emphasis markers, heading hashes, bullets, thematic breaks, link targets,
 * front matter) while keeping every character of content where it was. The structure comes from
 * remark-parse; we only delete what the parser says is syntax, so offsets stay exact.
 * Table pipes become tabs so pipe tables read like the tab-separated ones.
 *
 * Only the blocks that carry Markdown syntax are parsed (see `markdownBlocks`): a notice read as
 * Markdown because of one `- ` line or one `**一、…**` heading is otherwise plain text.
 */
export function stripMarkdown(text: Text): { text: Text; frontMatter: FrontMatter | null } {
  if (!hasMarkdownSyntax(text.value)) return { text, frontMatter: null };
  const blocks = markdownBlocks(text.value);
  if (blocks === null) return parseAndStrip(text);
  const value = text.value;
  const edits: Edit[] = [];
  let frontMatter: FrontMatter | null = null;
  // the blocks remark must read; neighbouring ones are parsed together, one call per run of them
  const remarkRanges: Array<[number, number]> = [];
  let joinable = false;
  for (const [start, to] of blocks) {
    let from = start;
    let content = start;
    const matter = from === 0 ? leadingFrontMatter(value) : null;
    if (matter) {
      edits.push({ start: 0, end: matter.end, insert: '' });
      frontMatter = matter.frontMatter;
      // what follows the closing fence parses alone (from its line break: a --- right after the
      // fence, alone at the start, would open front matter again); the fast readers start at its content
      from = matter.end;
      for (content = from; value[content] === '\n' && content < to; ) content++;
    }
    // the common shapes (a bullet, a heading, a rule, **…** pairs, a quoted note) without a remark call
    const fast = blockNeedsParse(value.slice(from, to)) ? (simpleBlockEdits(value, content, to) ?? quoteBlockEdits(value, content, to)) : [];
    if (fast) {
      for (const e of fast) edits.push(e);
      joinable = false;
      continue;
    }
    if (joinable) remarkRanges[remarkRanges.length - 1][1] = to;
    else remarkRanges.push([from, to]);
    joinable = true;
  }
  for (const [from, to] of remarkRanges) {
    const block = strippedEdits(value, from, to);
    for (const e of block.edits) edits.push(e);
    frontMatter ??= block.frontMatter;
  }
  return { text: applyEdits(text, edits), frontMatter };
}

/** stripMarkdown without the syntax gate and without splitting: always parses the whole text with remark. */
export function parseAndStrip(text: Text): { text: Text; frontMatter: FrontMatter | null } {
  const { edits, frontMatter } = strippedEdits(text.value, 0, text.value.length);
  return { text: applyEdits(text, edits), frontMatter };
}

const blockNeedsParse = hasMarkdownSyntax;

/** Lines that make blocks depend on each other across blank lines: fences, HTML, link and footnote definitions. */
const CROSS_BLOCK = /^[ \t]*(?:`{3,}|~{3,}|<|\[[^\]\n]+\]:)/m;
const BLANK_LINE = /\n[ \t]*(?=\r?\n|$)/g;
const YAML_FENCE = /^---[ \t]*\r?$/;

/**
 * The text's blocks as [from, to) ranges that remark parses the same alone as in the whole text,
 * or null when the text has a construct that spans blank lines (then the whole text is parsed).
 * Blocks are separated by blank lines; a block that starts indented (a list item's continuation)
 * or with `---` (alone it would open front matter) stays with the block before it, and front
 * matter at the start stays one block up to its closing fence.
 */
export function markdownBlocks(value: string): Array<[number, number]> | null {
  if (CROSS_BLOCK.test(value)) return null;
  const blocks: Array<[number, number]> = [];
  let from = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(value); m; m = BLANK_LINE.exec(value)) {
    blocks.push([from, m.index]);
    from = m.index + m[0].length;
  }
  blocks.push([from, value.length]);
  const merged: Array<[number, number]> = [];
  const matterEnd = frontMatterEnd(value);
  for (const [start, end] of blocks) {
    // skip the blank lines themselves: a block starts at its first line with content
    let s = start;
    while (s < end && (value[s] === '\n' || value[s] === '\r')) s++;
    if (s >= end && merged.length) continue;
    const last = merged[merged.length - 1];
    const firstLine = value.slice(s, lineEnd(value, s));
    if (last && (s < matterEnd || /^[ \t]/.test(firstLine) || YAML_FENCE.test(firstLine))) last[1] = end;
    else merged.push([s, end]);
  }
  return merged;
}

const lineEnd = (value: string, from: number): number => {
  const nl = value.indexOf('\n', from);
  return nl < 0 ? value.length : nl;
};

/** Where front matter opened on the first line closes (0 when there is none). */
function frontMatterEnd(value: string): number {
  if (!YAML_FENCE.test(value.slice(0, lineEnd(value, 0)))) return 0;
  const close = /\n---[ \t]*(?=\r?\n|$)/.exec(value.slice(lineEnd(value, 0)));
  return close ? lineEnd(value, 0) + close.index + close[0].length : 0;
}

/**
 * Front matter opening the text, read without remark: remark-frontmatter's `yaml` node is the two
 * fences and the lines between them (`end`: where the closing fence ends), its value those lines.
 * Line endings with \r are left to remark (its value drops the \r before the closing fence).
 * Whatever follows parses alone as it does after the node.
 */
function leadingFrontMatter(value: string): { end: number; frontMatter: FrontMatter } | null {
  const end = frontMatterEnd(value);
  if (end === 0 || value.lastIndexOf('\r', end) >= 0) return null;
  const open = lineEnd(value, 0);
  const close = value.lastIndexOf('\n', end - 1);
  const inner = open + 1 <= close ? value.slice(open + 1, close) : '';
  return { end, frontMatter: parseFrontMatter(inner, 0, value) };
}

/** The deletions (and pipe → tab edits) that strip the syntax of value[from, to), parsed alone. */
function strippedEdits(value: string, from: number, to: number): { edits: Edit[]; frontMatter: FrontMatter | null } {
  const tree = parseMarkdown(from === 0 && to === value.length ? value : value.slice(from, to));
  const text = { value };
  const keep = new Uint8Array(to - from);
  const edits: Edit[] = [];
  let frontMatter: FrontMatter | null = null;
  const at = (offset: number | undefined) => (offset === undefined ? undefined : offset + from);

  const keepRange = (start?: number, end?: number) => {
    if (start === undefined || end === undefined) return;
    keep.fill(1, start - from, end - from);
  };

  // A text node that spans lines inside a container (blockquote, list) also spans the container's
  // prefixes (`> `); keep only the characters of its value, matched in order.
  const keepContent = (start: number | undefined, end: number | undefined, content: string) => {
    if (start === undefined || end === undefined) return;
    const slice = text.value.slice(start, end);
    if (slice === content) return keepRange(start, end);
    let j = 0;
    for (let i = 0; i < slice.length && j < content.length; i++) {
      if (slice[i] === content[j]) {
        keep[start - from + i] = 1;
        j++;
      }
    }
  };

  const visit = (node: Nodes, parent: Nodes | null) => {
    const start = at(node.position?.start.offset);
    const end = at(node.position?.end.offset);
    switch (node.type) {
      case 'yaml':
        frontMatter = parseFrontMatter(node.value, start ?? 0, text.value);
        if (start !== undefined && end !== undefined) edits.push({ start, end, insert: '' });
        return;
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'html':
        keepContent(start, end, node.value);
        if (node.type === 'inlineCode' && start !== undefined && end !== undefined) {
          // keep only the code, drop the backticks
          const inner = text.value.slice(start, end).indexOf(node.value);
          keep.fill(0, start - from, end - from);
          if (inner >= 0) keepRange(start + inner, start + inner + node.value.length);
        }
        return;
      case 'listItem':
        if (parent?.type === 'list' && parent.ordered && start !== undefined) {
          // ordered markers (1. 2.) carry meaning in notices: attachment lists, numbered items
          const first = at(node.children[0]?.position?.start.offset);
          if (first !== undefined) keepRange(start, first);
        }
        break;
      case 'tableCell':
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, node);
  };
  visit(tree, null);

  // Table pipes: turn the separators between cells into tabs.
  const tables: Nodes[] = [];
  const collect = (n: Nodes) => {
    if (n.type === 'table') tables.push(n);
    else if ('children' in n) (n.children as Nodes[]).forEach(collect);
  };
  collect(tree);
  const pipe = new Set<number>();
  for (const t of tables) {
    const s = at(t.position?.start.offset) ?? from;
    const e = at(t.position?.end.offset) ?? from;
    for (let i = s; i < e; i++) if (text.value[i] === '|' && !keep[i - from]) pipe.add(i);
  }

  const inFrontMatter = new Set<number>();
  for (const e of edits) for (let i = e.start; i < e.end; i++) inFrontMatter.add(i);
  for (let i = from; i < to; i++) {
    if (keep[i - from] || inFrontMatter.has(i)) continue;
    const ch = text.value[i];
    if (/\s/.test(ch)) continue;
    edits.push({ start: i, end: i + 1, insert: pipe.has(i) ? '\t' : '' });
  }
  return { edits: mergeDeletes(edits), frontMatter };
}

function mergeDeletes(edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.insert === '' && e.insert === '' && last.end === e.start) last.end = e.end;
    else if (!last || e.start >= last.end) out.push({ ...e });
  }
  return out;
}

/** Flat `key: value` front matter as web scrapers write it (no nested YAML needed). */
function parseFrontMatter(value: string, nodeStart: number, source: string): FrontMatter {
  const fields: Record<string, string> = {};
  const offsets: Record<string, number> = {};
  const base = source.indexOf(value, nodeStart);
  let pos = 0;
  for (const line of value.split('\n')) {
    const m = /^\s*([^:：#]+?)\s*[:：]\s*(.*?)\s*$/.exec(line);
    if (m && m[2] !== '') {
      fields[m[1]] = m[2].replace(/^["']|["']$/g, '');
      offsets[m[1]] = (base >= 0 ? base : nodeStart) + pos + line.indexOf(m[2]);
    }
    pos += line.length + 1;
  }
  return { fields, offsets };
}
