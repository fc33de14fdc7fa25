// WordprocessingML as a DOM (htmlparser2 in XML mode, about ten times faster here than the
// object-building parser it replaces): no entity expansion, and the small accessors the DOCX
// reader walks it with. Element names and attributes are read without their namespace prefix
// (prefixes vary between producers; WordprocessingML local names do not).
import { type ChildNode, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type XNode = ChildNode;

/**
 * The document's nodes in order, entities left for decodeEntities. Lenient like the parser before
 * it: Word writes well-formed XML, and a damaged part reads as what survives of it.
 */
export function parseOrdered(xml: string): XNode[] {
  // entities stay as written: the caller has refused any DOCTYPE, and the five XML entities and
  // character references are decoded below
  return parseDocument(xml, { xmlMode: true, decodeEntities: false }).children;
}

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

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** An element's local name, `#text` for text, undefined for anything else (comments, instructions). */
export function tagOf(node: XNode): string | undefined {
  if (isTag(node)) return localName(node.name);
  return isText(node) ? '#text' : undefined;
}

/** The text of a text node (entities as written). */
export function textOf(node: XNode): string | undefined {
  return isText(node) ? node.data : undefined;
}

export function childrenOf(node: XNode | undefined): XNode[] {
  return node !== undefined && isTag(node) ? node.children : [];
}

export function attr(node: XNode, name: string): string | undefined {
  if (!isTag(node)) return undefined;
  for (const [key, value] of Object.entries(node.attribs)) if (localName(key) === name) return value;
  return undefined;
}

export function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

export function intVal(node: XNode | undefined, fallback: number): number {
  const raw = node ? attr(node, 'val') : undefined;
  const value = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 1000) : fallback;
}
