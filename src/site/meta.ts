/**
 * Structured data (schema.org JSON-LD) for story pages (NewsArticle) and story lists (ItemList), and its safe
 * serialisation into a <script> element.
 */
import type { Story } from '../core/schema/story';
import { siteName } from '../site-config';

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** How many of the outlets' articles a story's JSON-LD cites (the page lists them all; this keeps the head small). */
export const LD_MAX_CITATIONS = 10;

/**
 * NewsArticle for a story page: headline, dates, the first outlets' articles as `citation` (URL and outlet), and the
 * instance as `publisher` (`publisher`: its name, default PARALLAX_SITE_NAME, siteName).
 */
export function newsArticleLd(story: Story, url: string, description: string, outletName: (sourceId: string) => string, publisher: string = siteName()): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title.slice(0, 110),
    description,
    url,
    mainEntityOfPage: url,
    datePublished: story.firstSeen,
    dateModified: story.lastUpdated,
    ...(story.topics.length ? { keywords: story.topics.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: publisher },
    citation: story.articles.slice(0, LD_MAX_CITATIONS).map((a) => ({ '@type': 'NewsArticle', url: a.url, publisher: { '@type': 'Organization', name: outletName(a.sourceId) } })),
  };
}

/** ItemList of story pages in display order. */
export function itemListLd(name: string, items: ReadonlyArray<{ url: string; name: string }>): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, url: it.url, name: it.name })),
  };
}
