import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeXmlEntities, htmlToText, innerXmlToHtml, rawXmlToText, stripTags } from '../../../src/core/feed/clean-text.js';

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
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('collapseWhitespace / rawXmlToText', () => {
  it('keeps valid surrogate pairs and drops lone ones', () => {
    expect(collapseWhitespace('emoji 😀 ok\ud800 x')).toBe('emoji 😀 ok x');
  });
  it('decodes entities inside CDATA once (B05)', () => {
    expect(rawXmlToText('<![CDATA[The chipmaker&#8217;s next bet &amp; why it matters]]>')).toBe('The chipmaker’s next bet & why it matters');
  });
});
