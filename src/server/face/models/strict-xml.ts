/**
 * A small, strict reader for the plain XML that OpenVINO writes for its IR: a prolog, elements with
 * quoted attributes, text, comments and the five predefined entities (plus character references).
 * Anything else — a DOCTYPE (and with it external entities), CDATA, processing instructions, a
 * mismatched or unclosed tag — is refused with the line where it was found, because a graph
 * description we only half understood must never become a model.
 */
import { FaceModelError } from './model-error';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, whitespace-trimmed (an IR's `<dim>` values). */
  text: string;
  line: number;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (at: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const fail = (what: { vi: string; en: string }, at = pos): never => {
    const line = lineAt(at);
    throw new FaceModelError(`Tệp XML không hợp lệ (dòng ${line}): ${what.vi}`, `Invalid XML (line ${line}): ${what.en}`);
  };
  const skipSpace = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(source);
    pos = SPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail({ vi: 'thiếu tên thẻ hoặc tên thuộc tính', en: 'a tag or attribute name was expected' });
    pos = NAME.lastIndex;
    return match![0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]{0,10});?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail({ vi: `ký tự "&" không hợp lệ: "${whole}"`, en: `a bare "&": "${whole}"` }, at);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!(code > 0 && code <= 0x10ffff)) fail({ vi: `thực thể không được hỗ trợ: "${whole}"`, en: `unsupported entity: "${whole}"` }, at);
      return String.fromCodePoint(code);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail({ vi: 'chú thích không được đóng', en: 'unterminated comment' });
        pos = end + 3;
      } else return;
    }
  };

  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail({ vi: 'phần khai báo XML không được đóng', en: 'unterminated XML declaration' });
    pos = end + 2;
  }
  skipMisc();
  if (source.startsWith('<!DOCTYPE', pos)) fail({ vi: 'không chấp nhận DOCTYPE', en: 'a DOCTYPE is not accepted' });
  if (source[pos] !== '<') fail({ vi: 'không có phần tử gốc', en: 'no root element' });

  const readElement = (): XmlElement => {
    const start = pos;
    pos += 1; // '<'
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '', line: lineAt(start) };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return element;
      }
      if (source[pos] === '>') {
        pos += 1;
        break;
      }
      const attributeAt = pos;
      const name = readName();
      skipSpace();
      if (source[pos] !== '=') fail({ vi: `thuộc tính "${name}" thiếu dấu "="`, en: `attribute "${name}" has no "="` });
      pos += 1;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail({ vi: `giá trị của "${name}" phải nằm trong dấu nháy`, en: `the value of "${name}" must be quoted` });
      const end = source.indexOf(quote!, pos + 1);
      if (end < 0) fail({ vi: `giá trị của "${name}" không được đóng`, en: `the value of "${name}" is not closed` });
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail({ vi: `giá trị của "${name}" chứa "<"`, en: `the value of "${name}" contains "<"` });
      if (Object.hasOwn(element.attributes, name)) fail({ vi: `thuộc tính "${name}" lặp lại`, en: `attribute "${name}" is repeated` }, attributeAt);
      element.attributes[name] = decode(raw, attributeAt);
      pos = end + 1;
    }
    const text: string[] = [];
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail({ vi: `thẻ <${element.name}> không được đóng`, en: `<${element.name}> is never closed` }, start);
      text.push(decode(source.slice(pos, next), pos));
      pos = next;
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        skipSpace();
        if (closing !== element.name || source[pos] !== '>') {
          fail({ vi: `thẻ đóng </${closing}> không khớp với <${element.name}>`, en: `closing tag </${closing}> does not match <${element.name}>` });
        }
        pos += 1;
        element.text = text.join('').trim();
        return element;
      }
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail({ vi: 'chú thích không được đóng', en: 'unterminated comment' });
        pos = end + 3;
        continue;
      }
      if (source.startsWith('<!', pos) || source.startsWith('<?', pos)) {
        fail({ vi: 'không chấp nhận CDATA, DOCTYPE hay chỉ thị xử lý trong nội dung', en: 'CDATA, DOCTYPE and processing instructions are not accepted' });
      }
      element.children.push(readElement());
    }
  };

  const root = readElement();
  skipMisc();
  if (pos < source.length) fail({ vi: 'có nội dung sau phần tử gốc', en: 'content after the root element' });
  return root;
}
