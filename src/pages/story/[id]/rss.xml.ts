import { feedRoute, storyFeedPaths } from '../../../site/feed-routes';

export const getStaticPaths = storyFeedPaths;
export const GET = feedRoute('story', false);
