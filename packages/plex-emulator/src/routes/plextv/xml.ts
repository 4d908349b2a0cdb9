/**
 * The few plex.tv endpoints that predate API v2 (`/api/users`, `/api/home/users`,
 * `/api/servers/{id}/shared_servers`, `/api/home/users/{id}/switch`) answer only XML, whatever
 * the client asks for. This builds that XML.
 */

/** Attribute values as plex.tv writes them: booleans become `0`/`1`, null/undefined `""`. */
export type XmlValue = string | number | boolean | null | undefined;

/** One XML element: a tag, its attributes in order, and child elements. */
export interface XmlElement {
  tag: string;
  attrs: Record<string, XmlValue>;
  children?: XmlElement[];
}

/** Builds an element (a shorthand that keeps call sites short). */
export function el(
  tag: string,
  attrs: Record<string, XmlValue>,
  children: XmlElement[] = [],
): XmlElement {
  return { tag, attrs, children };
}

/** Serialises an element tree the way plex.tv indents it. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, '')}`;
}

/** An XML response, as the legacy plex.tv API sends it. */
export function xmlResponse(root: XmlElement, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set('Content-Type', 'application/xml; charset=utf-8');
  return new Response(renderXml(root), { ...init, headers });
}

function renderElement(element: XmlElement, indent: string): string {
  const attrs = Object.entries(element.attrs)
    .map(([name, value]) => ` ${name}="${escapeAttr(formatValue(value))}"`)
    .join('');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<${element.tag}${attrs}/>\n`;
  const inner = children.map((child) => renderElement(child, `${indent}  `)).join('');
  return `${indent}<${element.tag}${attrs}>\n${inner}${indent}</${element.tag}>\n`;
}

function formatValue(value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function escapeAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
