import { feedRoute, sourceFeedPaths } from '../../../site/feed-routes';

export const getStaticPaths = sourceFeedPaths;
export const GET = feedRoute('source', false);
