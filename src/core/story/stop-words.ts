/**
 * Stop words removed before term weighting. English function words (after the classic SMART / Lucene English
 * lists, trimmed), plus news filler that carries no event identity ("says", "live", "update", "video", weekdays);
 * a few high-frequency function words of Spanish, French, German and Portuguese for multilingual registries.
 */
const ENGLISH = `a about above after again against all almost also although am among an and another any are aren't around
as at be became because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either else even ever every few for from further get gets got had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've
if in into is isn't it it's its itself just let's like many may me might more most much must mustn't my myself neither
no nor not now of off on once one only or other others otherwise our ours ourselves out over own per quite rather
really same shan't she she'd she'll she's should shouldn't since so some still such than that that's the their theirs
them themselves then there there's these they they'd they'll they're they've this those though through thus to too
toward towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's whatever
when when's where where's whether which while who who's whom whose why why's will with within without won't would
wouldn't yet you you'd you'll you're you've your yours yourself yourselves`;

const NEWS_FILLER = `says say said saying told tells tell according amid new news latest live update updates updated
breaking watch video videos photo photos pictures opinion analysis explainer report reports reported reporting
week weeks day days year years time times today tonight yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday first last next back make makes made take takes took going could way ways people thing things
want wants well big more most also mr mrs ms dr`;

const OTHER = `el la los las un una unos unas de del al y o en que por para con se su sus es lo como más le les des du et ou
est dans pour sur au aux ce cette qui pas par der die das den dem des ein eine einer und oder ist im mit von zu auf für
nicht sich o os as um uma do da dos das em no na nos nas com por para é`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${NEWS_FILLER} ${OTHER}`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/['’]/g, '')),
);
