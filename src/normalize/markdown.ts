import type { Nodes } from 'mdast';
import { hasMarkdownSyntax, parseMarkdown } from './markdown-parser.js';
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
 */
export function stripMarkdown(text: Text): { text: Text; frontMatter: FrontMatter | null } {
  return hasMarkdownSyntax(text.value) ? parseAndStrip(text) : { text, frontMatter: null };
}

/** stripMarkdown without the syntax gate: always parses with remark. */
export function parseAndStrip(text: Text): { text: Text; frontMatter: FrontMatter | null } {
  const tree = parseMarkdown(text.value);
  const keep = new Uint8Array(text.value.length);
  const edits: Edit[] = [];
  let frontMatter: FrontMatter | null = null;

  const keepRange = (start?: number, end?: number) => {
    if (start === undefined || end === undefined) return;
    keep.fill(1, start, end);
  };

  // A text node that spans lines inside a container (blockquote, list) also spans the container's
  // prefixes (`> `); keep only the characters of its value, matched in order.
  const keepContent = (start: number | undefined, end: number | undefined, value: string) => {
    if (start === undefined || end === undefined) return;
    const slice = text.value.slice(start, end);
    if (slice === value) return keepRange(start, end);
    let j = 0;
    for (let i = 0; i < slice.length && j < value.length; i++) {
      if (slice[i] === value[j]) {
        keep[start + i] = 1;
        j++;
      }
    }
  };

  const visit = (node: Nodes, parent: Nodes | null) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
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
          keep.fill(0, start, end);
          if (inner >= 0) keepRange(start + inner, start + inner + node.value.length);
        }
        return;
      case 'listItem':
        if (parent?.type === 'list' && parent.ordered && start !== undefined) {
          // ordered markers (1. 2.) carry meaning in notices: attachment lists, numbered items
          const first = node.children[0]?.position?.start.offset;
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
    const s = t.position?.start.offset ?? 0;
    const e = t.position?.end.offset ?? 0;
    for (let i = s; i < e; i++) if (text.value[i] === '|' && !keep[i]) pipe.add(i);
  }

  const inFrontMatter = new Set<number>();
  for (const e of edits) for (let i = e.start; i < e.end; i++) inFrontMatter.add(i);
  for (let i = 0; i < text.value.length; i++) {
    if (keep[i] || inFrontMatter.has(i)) continue;
    const ch = text.value[i];
    if (/\s/.test(ch)) continue;
    edits.push({ start: i, end: i + 1, insert: pipe.has(i) ? '\t' : '' });
  }
  return { text: applyEdits(text, mergeDeletes(edits)), frontMatter };
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
