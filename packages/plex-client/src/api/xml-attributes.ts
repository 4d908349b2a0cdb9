/**
 * Reads the attributes of every `<tag …>` element in an XML document. Enough for the one legacy
 * plex.tv answer the client needs (`shared_servers`, XML whatever the client asks for), so no
 * XML dependency is pulled in for it. It does not build a tree: nesting is ignored, and so are
 * comments, CDATA and processing instructions, none of which that answer uses.
 */
export function readXmlElements(xml: string, tag: string): Record<string, string>[] {
  const elements: Record<string, string>[] = [];
  const open = new RegExp(`<${escapeRegExp(tag)}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  for (const match of xml.matchAll(open)) {
    const attrs: Record<string, string> = {};
    const text = match[1] ?? '';
    for (const attr of text.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = attr[1] as string;
      attrs[name] = decodeEntities(attr[2] ?? attr[3] ?? '');
    }
    elements.push(attrs);
  }
  return elements;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity] ?? whole;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
