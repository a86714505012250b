import { feedRoute } from '../site/feed-routes';

export const GET = feedRoute('top', false);
