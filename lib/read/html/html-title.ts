import type { CheerioAPI } from 'cheerio/slim';

/**
 * The page's own title for the report, from the meta tags government sites carry (ArticleTitle
 * under the national website standard, og:title, title) and the <title> element. The report's
 * title among them is preferred; the page's <title> usually adds the site's name after “_” or “-”,
 * which the title parser splits off.
 */
const META_NAMES = ['ArticleTitle', 'articletitle', 'og:title', 'title', 'Title'];
const REPORT = /政府信息公开|政务公开/u;

export function htmlTitle($: CheerioAPI): string | undefined {
  const candidates: string[] = [];
  for (const name of META_NAMES) {
    const content = $(`meta[name="${name}"], meta[property="${name}"]`).attr('content');
    if (content?.trim()) candidates.push(content.trim());
  }
  const title = $('title').first().text().trim();
  if (title) candidates.push(title);
  return candidates.find((c) => REPORT.test(c)) ?? candidates[0];
}
