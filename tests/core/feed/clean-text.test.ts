import { describe, expect, it } from 'vitest';
import { HTML_ELEMENT_NAMES, collapseWhitespace, decodeXmlEntities, htmlToText, innerXmlToHtml, innerXmlToText, rawXmlToText, stripTags } from '../../../src/core/feed/clean-text.js';

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
  it('removes bidirectional embedding, override and isolate controls (CVE-2021-42574), keeping the marks LRM and RLM', () => {
    expect(collapseWhitespace('RTL override \u202Egnp.exe')).toBe('RTL override gnp.exe');
    expect(collapseWhitespace('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i')).toBe('abcdefghi');
    expect(collapseWhitespace('\u200Fשלום\u200E')).toBe('\u200Fשלום\u200E');
    expect(rawXmlToText('Title &#x202E;txt.exe')).toBe('Title txt.exe');
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
  });

  it('keeps valid surrogate pairs and drops lone ones', () => {
    expect(collapseWhitespace('emoji 😀 ok\ud800 x')).toBe('emoji 😀 ok x');
  });
  it('decodes entities inside CDATA once (B05)', () => {
    expect(rawXmlToText('<![CDATA[The chipmaker&#8217;s next bet &amp; why it matters]]>')).toBe('The chipmaker’s next bet & why it matters');
  });
});
