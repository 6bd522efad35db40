/**
 * A strict reader of XML 1.0 documents as the exports write them (a declaration, elements,
 * attributes, text, the predefined and numeric entities): it throws on anything that is not
 * well-formed, such as an unescaped `<` or `&`, an unquoted or repeated attribute, or a tag that does
 * not close, and returns the element tree with its text decoded.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`unescaped < at ${where}`);
  return raw.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity at ${where}: ${match}`);
    if (name in ENTITIES) return ENTITIES[name];
    const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(name);
    if (numeric) return String.fromCodePoint(parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10));
    throw new Error(`unknown entity &${name}; at ${where}`);
  });
}

export function parseXml(text: string): XmlElement {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(text.slice(i))?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new Error(`</${name}> at ${i} closes <${open?.name}>`);
      i += name.length;
      skipSpace();
      if (text[i] !== '>') throw new Error(`expected > at ${i}`);
      i++;
    } else if (text[i] === '<') {
      i++;
      const name = NAME.exec(text.slice(i))?.[0];
      if (!name) throw new Error(`bad element name at ${i}`);
      i += name.length;
      const element: XmlElement = { name, attributes: {}, children: [] };
      for (;;) {
        const before = i;
        skipSpace();
        if (text.startsWith('/>', i) || text[i] === '>') break;
        if (i === before) throw new Error(`expected a space before the attribute at ${i}`);
        const attribute = NAME.exec(text.slice(i))?.[0];
        if (!attribute) throw new Error(`bad attribute name at ${i}`);
        if (attribute in element.attributes) throw new Error(`repeated attribute ${attribute} at ${i}`);
        i += attribute.length;
        skipSpace();
        if (text[i] !== '=') throw new Error(`expected = at ${i}`);
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute value at ${i}`);
        const end = text.indexOf(quote, i + 1);
        if (end < 0) throw new Error(`unterminated attribute value at ${i}`);
        element.attributes[attribute] = decode(text.slice(i + 1, end), i);
        i = end + 1;
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) throw new Error(`a second root element at ${i}`);
      else root = element;
      if (text.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const end = text.indexOf('<', i);
      const raw = text.slice(i, end < 0 ? text.length : end);
      if (stack.length === 0) {
        if (raw.trim()) throw new Error(`text outside the root element at ${i}`);
      } else stack[stack.length - 1].children.push(decode(raw, i));
      i = end < 0 ? text.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name`, depth first. */
export function elements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) found.push(e);
    for (const child of e.children) if (typeof child !== 'string') visit(child);
  };
  visit(root);
  return found;
}

/** The text content of an element. */
export function textOf(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
