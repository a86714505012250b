import type { APIRoute } from 'astro';
import { siteData } from '../site/data';
import { buildFeed } from '../site/rss';
import { href, storyPath } from '../site/href';

export const GET: APIRoute = async (context) => {
  const { stories, now } = await siteData();
  const site = context.site ?? new URL('http://localhost:4321');
  const xml = await buildFeed(stories, {
    home: new URL(href(''), site).href,
    storyUrl: (id) => new URL(href(storyPath(id)), site).href,
    now,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
