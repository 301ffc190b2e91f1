import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attr, childElements, MAX_XML_DEPTH, MAX_XML_NAME, parseXml, textContent, XmlError } from './xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, namespaces, text, CDATA and entities', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?>
<!-- leading comment -->
<!DOCTYPE a>
<a xmlns="urn:d" xmlns:p="urn:p" x="1 &amp; 2" p:y='&#x41;&#66;'>
  <p:b>t&lt;u<![CDATA[<raw & text>]]><?pi data?></p:b>
  <c/>
</a>`,
    );
    assert.equal(root.local, 'a');
    assert.equal(root.ns, 'urn:d');
    assert.equal(attr(root, 'x'), '1 & 2');
    assert.equal(attr(root, 'y', 'urn:p'), 'AB');
    const [b, c] = childElements(root);
    assert.equal(b!.ns, 'urn:p');
    assert.equal(b!.local, 'b');
    assert.equal(textContent(b!), 't<u<raw & text>');
    assert.equal(c!.ns, 'urn:d');
    assert.equal(c!.line, 6);
    assert.equal(c!.col, 3);
  });

  it('normalises whitespace in attribute values and newlines in text', () => {
    const root = parseXml('<a v="x\ty\nz">l1\r\nl2</a>');
    assert.equal(attr(root, 'v'), 'x y z');
    assert.equal(textContent(root), 'l1\nl2');
  });

  const bad: [string, string, RegExp][] = [
    ['mismatched end tag', '<a><b></a>', /line 1, column 7: end tag <\/a> does not match <b>/],
    ['unclosed element', '<a>\n<b>', /line 2, column 1: unclosed element <b>/],
    ['unknown entity', '<a>&nbsp;</a>', /unknown entity '&nbsp;'/],
    ['undeclared prefix', '<a><q:b/></a>', /prefix 'q' is not declared/],
    ['duplicate attribute', '<a x="1" x="2"/>', /duplicate attribute 'x'/],
    ['two roots', '<a/><b/>', /content after the root element/],
    ['internal DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', /internal DTD subsets/],
    ['unquoted attribute', '<a x=1/>', /quoted attribute value/],
    ['bad char reference', '<a>&#0;</a>', /not a valid character/],
    ['lt in attribute', '<a x="<"/>', /'<' in attribute value/],
    ['empty document', '  ', /expected the root element/],
  ];
  for (const [what, text, re] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(
        () => parseXml(text, 'f.xml'),
        (e: unknown) => e instanceof XmlError && re.test(e.message),
      );
    });
  }

  it('names the file in errors', () => {
    assert.throws(() => parseXml('<a>', 'm.xml'), /^XmlError: m\.xml: line 1/);
  });

  it('parses nesting up to MAX_XML_DEPTH and rejects deeper documents with their place', () => {
    const n = MAX_XML_DEPTH;
    const root = parseXml('<a>'.repeat(n) + '</a>'.repeat(n));
    let depth = 1;
    let el = root;
    while (el.children.length) {
      el = childElements(el)[0]!;
      depth++;
    }
    assert.equal(depth, n);
    const deep = 200_000;
    assert.throws(
      () => parseXml('<a>'.repeat(deep) + '</a>'.repeat(deep), 'deep.xml'),
      new RegExp(
        `^XmlError: deep\\.xml: line 1, column ${3 * n + 1}: elements nested deeper than ${n} levels`,
      ),
    );
  });

  it('rejects names longer than MAX_XML_NAME', () => {
    assert.throws(() => parseXml(`<${'a'.repeat(MAX_XML_NAME + 1)}/>`), /name longer than/);
    assert.equal(parseXml(`<a ${'b'.repeat(MAX_XML_NAME)}="1"/>`).attrs.length, 1);
  });
});
