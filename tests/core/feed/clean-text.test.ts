import { describe, expect, it } from 'vitest';
import { HTML_ELEMENT_NAMES, collapseWhitespace, decodeXmlEntities, htmlToText, innerXmlToHtml, innerXmlToText, rawXmlToText, stripTags } from '../../../src/core/feed/clean-text.js';
import { parseFeed } from '../../../src/core/feed/parse-feed.js';

describe('decodeXmlEntities', () => {
  it('decodes the five predefined entities and numeric references once', () => {
    expect(decodeXmlEntities('O&#039;Neill&#8217;s &#x2014; &amp; &lt;b&gt; &quot;q&quot; &apos;')).toBe('O\'Neill’s — & <b> "q" \'');
    expect(decodeXmlEntities('&amp;amp;')).toBe('&amp;');
    expect(decodeXmlEntities('no entities')).toBe('no entities');
  });
});

describe('innerXmlToHtml', () => {
  it('takes CDATA verbatim and XML-decodes the rest', () => {
    expect(innerXmlToHtml('A &amp; <![CDATA[<b>x</b> &amp;]]> &lt;i&gt;', false)).toBe('A & <b>x</b> &amp; <i>');
  });
  it('keeps xhtml markup and removes the wrapper div', () => {
    expect(innerXmlToHtml('<div xmlns="http://www.w3.org/1999/xhtml">Less is <em>more</em> &amp;</div>', true)).toBe('Less is <em>more</em> &amp;');
    expect(innerXmlToHtml('<xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>x</xhtml:p></xhtml:div>', true)).toBe('<xhtml:p>x</xhtml:p>');
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>Budget passes.</p><script>alert(3)</script><img src="x" onerror="alert(4)"><a href="javascript:alert(5)">more</a>', 'Budget passes. more'],
    ['<script>alert(\'t1\')</script> Budget news', 'Budget news'],
    ['<SCRIPT type="text/javascript">var a = "</p>";</SCRIPT>ok', 'ok'],
    ['<style>p { color: red }</style><p>styled</p>', 'styled'],
    ['a<!-- comment <b> -->b', 'a b'],
    ['It bundles <em>several</em> fixes.', 'It bundles several fixes.'],
    ['wo<b>r</b>d', 'word'],
    ['a<br>b<br/>c', 'a b c'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['x <y', 'x <y'],
    ['it&#8217;s a &ldquo;big swing&rdquo; &nbsp;&amp;&nbsp; more', 'it’s a “big swing” & more'],
    ['&lt;b&gt;literal&lt;/b&gt;', '<b>literal</b>'],
    ['<a title="a > b">link</a>', 'link'],
    ['  lots \n\t of   space  ', 'lots of space'],
    ['ctrl\u0001\u0008\u000bchars\u0092', 'ctrlchars'],
    ['', null],
    ['<p> </p>', null],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('unterminated script drops the rest', () => {
    expect(htmlToText('a<script>alert(1)')).toBe('a');
  });

  it('is linear on pathological input', () => {
    const evil = '<a '.repeat(20_000) + '<' + '"'.repeat(20_000);
    const t0 = performance.now();
    stripTags(evil);
    htmlToText('<script>'.repeat(20_000));
    // titles: many '<' of non-HTML names before one far '>' (each is skipped before the '>' is looked for)
    stripTags(`${'<Verizon '.repeat(50_000)}>`, { htmlElementsOnly: true });
    stripTags(evil, { htmlElementsOnly: true });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('htmlToText with htmlElementsOnly (titles)', () => {
  it.each([
    ['AT&T and <Verizon> merge?', 'AT&T and <Verizon> merge?'],
    ['Apple <AAPL> and </etc/shadow> stay', 'Apple <AAPL> and </etc/shadow> stay'],
    ['<foo:Verizon>prefixed</foo:Verizon>', '<foo:Verizon>prefixed</foo:Verizon>'],
    ['Why the <blink>tag</blink> died', 'Why the tag died'],
    ['<B>Bold</B> <FONT color="red">red</FONT> <center>c</center>', 'Bold red c'],
    ['<script>alert(1)</script> Budget news', 'Budget news'],
    ['a<!-- <Verizon> -->b', 'a b'],
    ['<Verizon> &amp; <b>co</b>', '<Verizon> & co'],
    ['<xhtml:b>ns</xhtml:b> ok', 'ns ok'],
    ['Tom <3 Jerry', 'Tom <3 Jerry'],
    // a bare start tag that nothing closes is text (a hostile trial: "Why the tag died", "The element")
    ['Why the <blink> tag died', 'Why the <blink> tag died'],
    ['The <dialog> element, and <DIV> soup', 'The <dialog> element, and <DIV> soup'],
    ['How <script> blocks rendering', 'How <script> blocks rendering'],
    ['<b>Live</b>: the <dialog> element', 'Live: the <dialog> element'],
    ['Line<br>break and <img src="x"> image', 'Line break and image'],
    ['<i>closed later</i> and <i> open', 'closed later and <i> open'],
    ['a <b x="1">tag with attributes</b> goes', 'a tag with attributes goes'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html, { htmlElementsOnly: true })).toBe(text);
  });

  it('without the option every tag-like name goes, as before (summaries)', () => {
    expect(htmlToText('AT&T and <Verizon> merge?')).toBe('AT&T and merge?');
  });

  it('knows the current and the obsolete HTML elements, lower-case', () => {
    for (const name of ['p', 'a', 'b', 'script', 'style', 'search', 'blink', 'marquee', 'font', 'xmp']) expect(HTML_ELEMENT_NAMES.has(name)).toBe(true);
    for (const name of ['verizon', 'aapl', 'etc', 'item', 'entry']) expect(HTML_ELEMENT_NAMES.has(name)).toBe(false);
  });
});

describe('innerXmlToText (Atom type="text", RFC 4287 §3.1.1.1)', () => {
  it.each([
    ['Why the &lt;blink&gt; tag died', 'Why the <blink> tag died'],
    ['<![CDATA[AT&T and <Verizon> merge?]]>', 'AT&T and <Verizon> merge?'],
    ['A &amp;amp; B', 'A &amp; B'],
    ['child <b>elements</b> are not text<!-- nor comments -->!', 'child elements are not text !'],
    ['&lt;x&gt; <![CDATA[&lt;y&gt;]]>', '<x> &lt;y&gt;'],
  ])('%j -> %j', (raw, text) => {
    expect(innerXmlToText(raw)).toBe(text);
  });
});

describe('collapseWhitespace / rawXmlToText', () => {
  it('removes bidirectional embedding, override and isolate controls (CVE-2021-42574) anywhere, balanced or not', () => {
    expect(collapseWhitespace('RTL override \u202Egnp.exe')).toBe('RTL override gnp.exe');
    expect(collapseWhitespace('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i')).toBe('abcdefghi');
    expect(rawXmlToText('Title &#x202E;txt.exe')).toBe('Title txt.exe');
    // unterminated at the start or the end (X8 would end them only with the paragraph: the rest of our line)
    expect(collapseWhitespace('\u202Eשלום עולם')).toBe('שלום עולם');
    expect(collapseWhitespace('Budget passes \u2067')).toBe('Budget passes');
    expect(collapseWhitespace('\u202C\u2069 stray pops')).toBe('stray pops');
    // balanced, in the middle: an override still reverses what it encloses
    expect(collapseWhitespace('file \u202Dexe.gnp\u202C and \u2066isolated\u2069 text')).toBe('file exe.gnp and isolated text');
    // a mark left at an end by a removed control is trimmed like any other (the old code kept this RLM)
    expect(collapseWhitespace('\u202E\u200Fשלום')).toBe('שלום');
  });

  // UAX #9 §2.6: LRM (U+200E, L), RLM (U+200F, R), ALM (U+061C, AL) at the ends, next to a strong letter, order nothing
  it.each([
    ['leading RLM before a Hebrew letter (Hebrew outlets prepend it)', '\u200Fנתניהו נפגש עם ביידן בבית הלבן', 'נתניהו נפגש עם ביידן בבית הלבן'],
    ['leading RLM before an Arabic letter', '\u200Fالحكومة تعلن الميزانية', 'الحكومة تعلن الميزانية'],
    ['leading ALM before an Arabic letter', '\u061Cالحكومة تعلن الميزانية', 'الحكومة تعلن الميزانية'],
    ['leading LRM before a Latin letter', '\u200EBudget passes', 'Budget passes'],
    ['trailing RLM after a Hebrew letter', 'שלום עולם\u200F', 'שלום עולם'],
    ['trailing LRM after a Latin letter', 'Budget passes\u200E', 'Budget passes'],
    ['trailing marks of either direction after a letter', 'Budget passes\u200F\u061C', 'Budget passes'],
    ['trailing RLM after a digit (rules look backwards from digits)', 'הבחירות לכנסת ה-25 ב-2022\u200F', 'הבחירות לכנסת ה-25 ב-2022'],
    ['trailing RLM after a combining mark (tanween on an Arabic letter)', 'كتابٌ\u200F', 'كتابٌ'],
    ['runs with spaces at both ends', '\u200F \u200E\u200F כותרת ראשית \u200F \u200E', 'כותרת ראשית'],
    ['before an astral-plane letter (Adlam, R)', '\u200F\u{1E900}\u{1E922}', '\u{1E900}\u{1E922}'],
    ['marks only', '\u200F\u200E \u061C', ''],
  ])('drops directional marks at the ends: %s', (_name, input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it.each([
    // inside the text they place numbers and punctuation next to a Hebrew word
    ['an RLM between a Hebrew word and punctuation', 'שלום!\u200F עולם'],
    ['an RLM between a Hebrew word and a number', 'בכנסת\u200F 120 חברים'],
    ['an LRM inside an English sentence', 'The word "hackable" \u200E(comparative more hackable)'],
    // at the start before a neutral or weak character they decide its direction (N1, W7; W2 for ALM)
    ['a leading RLM before an opening quote', '\u200F"לא נוותר" אמר השר'],
    ['a leading RLM before digits', '\u200F2024: שנת בחירות'],
    ['a leading ALM before digits (they become Arabic numbers, W2)', '\u061C123 مليون دولار'],
    // before a letter of the other direction it is the first strong character: a dir="auto" paragraph's direction (P2)
    ['a leading RLM before a Latin brand name in a Hebrew title', '\u200FiPhone 17 יוצא לשוק בישראל'],
    ['a leading LRM before a Hebrew letter', '\u200Eשלום world'],
    ['a leading RLM before a modifier letter (Lm, some are neutral)', '\u200F\u02B9quoted'],
    ['a trailing RLM after digits when it is the only strong character (P2)', '2024\u200F'],
    // at the end after punctuation it places the punctuation in a right-to-left paragraph. Real: Varthabharathi's
    // summary (feed-edge-cases/rss-parser/customfields.rss, item 6) ends so
    ['a trailing LRM after a period (real summary end)', 'where he served until he was assigned his new mission to India and Nepal.\u200E'],
  ])('keeps directional marks that order something: %s', (_name, input) => {
    expect(collapseWhitespace(input)).toBe(input);
  });

  it('is idempotent and removes only marks and spaces at the ends (random mixes)', () => {
    const alphabet = ['\u200E', '\u200F', '\u061C', ' ', 'a', 'ש', 'م', '1', '!', '"', '\u064C', '\u{1E900}'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      const input = Array.from({ length: 1 + (n % 9) }, () => alphabet[rand()]!).join('');
      const once = collapseWhitespace(input);
      expect(collapseWhitespace(once)).toBe(once);
      const core = once.replace(/^[\u200E\u200F\u061C ]+|[\u200E\u200F\u061C ]+$/gu, '');
      expect(input.replace(/ +/g, ' ')).toContain(core);
    }
  });

  it('drops end marks written as references in titles and summaries (htmlToText, rawXmlToText)', () => {
    expect(htmlToText('&rlm;נתניהו נפגש עם ביידן&lrm;', { htmlElementsOnly: true })).toBe('נתניהו נפגש עם ביידן');
    expect(htmlToText('<p>&#x200F;</p>')).toBe(null);
    expect(rawXmlToText('<![CDATA[<p>\u200Fהממשלה אישרה את התקציב</p>]]>')).toBe('הממשלה אישרה את התקציב');
    expect(rawXmlToText('&#1564;الحكومة تعلن')).toBe('الحكومة تعلن');
  });

  it('drops a leading RLM from RSS, Atom and JSON Feed titles and summaries (parseFeed)', () => {
    const now = new Date('2026-02-18T12:00:00Z');
    const enc = (s: string) => new TextEncoder().encode(s);
    const rss = parseFeed(enc(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ynet</title><link>https://www.ynet.co.il/</link>
      <item><title>&#x200F;הממשלה אישרה את התקציב</title><link>https://www.ynet.co.il/a/1</link><description>\u200Fהתקציב אושר בקריאה ראשונה\u200F</description></item></channel></rss>`), { now });
    expect(rss.items.map((i) => [i.title, i.summary])).toEqual([['הממשלה אישרה את התקציב', 'התקציב אושר בקריאה ראשונה']]);
    const atom = parseFeed(enc(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-02-18T00:00:00Z</updated>
      <entry><title type="text">&#x200F;الحكومة تعلن الميزانية</title><id>urn:x:1</id><link href="https://example.com/1"/><updated>2026-02-18T00:00:00Z</updated></entry></feed>`), { now });
    expect(atom.items[0]!.title).toBe('الحكومة تعلن الميزانية');
    const json = parseFeed(enc(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: '1', url: 'https://example.com/1', title: '\u200Fשלום עולם', content_text: '\u200Fשלום עולם\u200F' }] })), { now });
    expect([json.items[0]!.title, json.items[0]!.summary]).toEqual(['שלום עולם', 'שלום עולם']);
  });

  // A trial's Japan Today titles carried Reuters' U+200C watermark: "army \u200Cat least", "Capitol \u200CPolice".
  it.each([
    ['army \u200Cat least 12', 'army at least 12'],
    ['Capitol \u200CPolice', 'Capitol Police'],
    ['\u200CStarts and ends\u200D', 'Starts and ends'],
    ['after a comma,\u200C then', 'after a comma, then'],
    ['quoted \u201C\u200Dword\u200D\u201D', 'quoted \u201Cword\u201D'],
    ['two \u200C\u200D joiners', 'two joiners'],
    ['zero\u200Bwidth space', 'zerowidth space'],
    ['word\u2060joiner', 'wordjoiner'],
    ['\uFEFFbyte order\uFEFF mark', 'byte order mark'],
    ['in\uFEFFside', 'inside'],
    // A reader trial's Indonesian report: "Army spokesperson Donny Pram\u00ADono", the soft hyphen in the RSS feed too.
    ['Donny Pram\u00ADono', 'Donny Pramono'],
  ])('strips meaningless zero-width characters: %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it('keeps ZWNJ inside Persian and Indic words and ZWJ inside emoji sequences', () => {
    // Persian "I want" and "books": the ZWNJ keeps the prefix/suffix unjoined (it is spelling, not noise)
    expect(collapseWhitespace('من می\u200Cخواهم کتاب\u200Cها را بخوانم')).toBe('من می\u200Cخواهم کتاب\u200Cها را بخوانم');
    // Hindi/Devanagari: ZWNJ / ZWJ select a half form of a conjunct
    expect(collapseWhitespace('क्\u200Dष और क्\u200Cष')).toBe('क्\u200Dष और क्\u200Cष');
    // family emoji (man ZWJ woman ZWJ girl) and a rainbow flag (white flag, VS16, ZWJ, rainbow)
    expect(collapseWhitespace('family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} and \u{1F3F3}\uFE0F\u200D\u{1F308}')).toBe(
      'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} and \u{1F3F3}\uFE0F\u200D\u{1F308}',
    );
    expect(rawXmlToText('<![CDATA[<p>Iran: \u200Cمی\u200Cخواهم</p>]]>')).toBe('Iran: می\u200Cخواهم');
    expect(rawXmlToText('Capitol &#x200C;Police')).toBe('Capitol Police');
    expect(rawXmlToText('<p>Donny Pram&shy;ono and Pram&#173;ono</p>')).toBe('Donny Pramono and Pramono');
  });

  it('keeps valid surrogate pairs and drops lone ones', () => {
    expect(collapseWhitespace('emoji 😀 ok\ud800 x')).toBe('emoji 😀 ok x');
  });
  it('decodes entities inside CDATA once (B05)', () => {
    expect(rawXmlToText('<![CDATA[The chipmaker&#8217;s next bet &amp; why it matters]]>')).toBe('The chipmaker’s next bet & why it matters');
  });
});
