import { feedRoute, topicFeedPaths } from '../../../site/feed-routes';

export const getStaticPaths = topicFeedPaths;
export const GET = feedRoute('topic', true);
