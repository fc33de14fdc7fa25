// WordprocessingML as fast-xml-parser's ordered nodes: parsing without entity expansion, and the
// small accessors the DOCX reader walks them with.
import { XMLParser } from 'fast-xml-parser';

/** A node of fast-xml-parser's ordered output: one tag key (or `#text`) plus `:@` attributes. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // prefixes vary between producers; WordprocessingML element names do not
  removeNSPrefix: true,
  // no entity expansion at all (the caller has refused any DOCTYPE); the five XML entities and
  // character references are decoded below
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), whole);
    return XML_ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

export function tagOf(node: XNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

export function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

export function attr(node: XNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

export function intVal(node: XNode | undefined, fallback: number): number {
  const raw = node ? attr(node, 'val') : undefined;
  const value = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 1000) : fallback;
}

/** The document's nodes in order, entities left for decodeEntities. */
export function parseOrdered(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}
