// What an HTML element is to the reader: hidden, a block that breaks the line, an element or text.
import type { AnyNode, Element, Text } from 'domhandler';

/** Elements whose content is never shown. */
const HIDDEN = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'button',
  'input',
  'textarea',
  'canvas',
  'audio',
  'video',
  'map',
]);

/** Elements that start and end a line of text. */
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'tr',
  'td',
  'th',
  'table',
  'tbody',
  'thead',
  'tfoot',
]);

export function isElement(node: AnyNode): node is Element {
  return 'name' in node && 'attribs' in node;
}

export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

export function isHidden(el: Element): boolean {
  if (HIDDEN.has(el.name)) return true;
  if (el.attribs['hidden'] !== undefined) return true;
  return /display\s*:\s*none/i.test(el.attribs['style'] ?? '');
}
