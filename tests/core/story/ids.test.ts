/** Story slugs (ids.ts slugify): readable ASCII from a headline. */
import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/core/story/ids';

describe('slugify', () => {
  it.each([
    ['Iceland evacuates Grindavík as eruption looms', 'iceland-evacuates-grindavik-as-eruption-looms'],
    // Polish, German and Danish letters with a stroke or ligatures are spelt out, not dropped (a trial's
    // "powodz-w-kotlinie-k-odzkiej-nysa-k-odzka-przekroczy-a-stan").
    ['Powódź w Kotlinie Kłodzkiej: Nysa Kłodzka przekroczyła stan', 'powodz-w-kotlinie-klodzkiej-nysa-klodzka-przekroczyla-stan'],
    ['Łódź: tunel otwarty', 'lodz-tunel-otwarty'],
    ['Straße gesperrt', 'strasse-gesperrt'],
    ['Færøerne: ½ million', 'faeroerne-1-2-million'],
    ['Trump’s “deal”', 'trumps-deal'],
    ['Политика', 'story'],
  ])('%j → %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('cuts at 60 characters on a word boundary', () => {
    const slug = slugify('Nauczyciele strajkują w całej Polsce, szkoły zamknięte w dwunastu województwach od poniedziałku');
    expect(slug).toBe('nauczyciele-strajkuja-w-calej-polsce-szkoly-zamkniete-w');
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});
