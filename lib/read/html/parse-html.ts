import { type CheerioAPI, load } from 'cheerio/slim';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';

/**
 * An HTML document parsed as a browser does (parse5: implied tbody, unclosed cells, misnested
 * tags) and queried with cheerio — what cheerio's default `load` does. Its main entry also brings
 * the fetch helpers and their HTTP client (undici), which cost every `gouji process` worker about
 * 100 ms at start for nothing: `cheerio/slim` takes the parse5 tree instead.
 */
export function loadHtml(html: string): CheerioAPI {
  return load(parse(html, { treeAdapter: adapter, scriptingEnabled: true }));
}
