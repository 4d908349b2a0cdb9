import { describe, expect, it } from 'vitest';
import { readXmlElements } from './xml-attributes.js';

describe('readXmlElements', () => {
  it('reads the attributes of every element with the tag, nested or self-closing', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<MediaContainer friendlyName="myPlex" size="2">
  <SharedServer id="907759180" username="plexuser" userID="22526914" accessToken="tokenA" allLibraries="1">
    <Section id="3001" key="1" title="Movies"/>
  </SharedServer>
  <SharedServer id="907759181" username="" userID='33542084' accessToken="tokenB"/>
  <SharedServerX id="not-me"/>
</MediaContainer>`;
    expect(readXmlElements(xml, 'SharedServer')).toEqual([
      {
        id: '907759180',
        username: 'plexuser',
        userID: '22526914',
        accessToken: 'tokenA',
        allLibraries: '1',
      },
      { id: '907759181', username: '', userID: '33542084', accessToken: 'tokenB' },
    ]);
    expect(readXmlElements(xml, 'Section')).toEqual([{ id: '3001', key: '1', title: 'Movies' }]);
  });

  it('decodes entities, and keeps > inside quoted values', () => {
    const xml =
      '<User title="Tom &amp; Jerry &lt;3" note="a&#10;b &#x263A; &quot;q&quot; &apos;s&apos;" filter="year>2000"/>';
    expect(readXmlElements(xml, 'User')).toEqual([
      { title: 'Tom & Jerry <3', note: 'a\nb ☺ "q" \'s\'', filter: 'year>2000' },
    ]);
  });

  it('finds nothing in a document without the tag', () => {
    expect(readXmlElements('<MediaContainer size="0"/>', 'SharedServer')).toEqual([]);
    expect(readXmlElements('', 'SharedServer')).toEqual([]);
  });
});
