/**
 * Minimal text edits for fixes, in the file's own style: YAML (block or flow, its indentation),
 * JSON (its indentation, commas) and HCL (attributes, nested blocks, companion resources).
 * Edits touch only the span they change; comments and line endings elsewhere are kept.
 */
import { LineIndex } from '../iac/line-index';
import type { MapValue, Position, Property, Range, Resource } from '../iac/model';
import { getProperty } from '../iac/model';
import type { EditSource, TextEdit } from './types';

/** Source text written as is: a Terraform reference, a CloudFormation `!Ref X`. */
export class Raw {
  constructor(readonly text: string) {}
}

export type FixValue = string | number | boolean | Raw | FixValue[] | { [key: string]: FixValue };

type Syntax = 'yaml' | 'json' | 'hcl';

interface Doc {
  file: string;
  text: string;
  lines: LineIndex;
  eol: string;
  syntax: Syntax;
}

function open(resource: Resource, context: EditSource): Doc | undefined {
  const text = context.text(resource.file);
  if (text === undefined) return undefined;
  const syntax: Syntax =
    resource.syntax === 'terraform' ? 'hcl' : resource.syntax === 'cloudformation-json' ? 'json' : 'yaml';
  const { lines, eol } = indexed(text);
  return { file: resource.file, text, lines, eol, syntax };
}

/** Line indexes and line endings of the texts opened last (one per file of a module); a LineIndex is never modified. */
const recentTexts = new Map<string, { lines: LineIndex; eol: '\n' | '\r\n' }>();
const MAX_RECENT_TEXTS = 8;

/**
 * The line index of `text`, shared by every edit built from the same text. Rules that check
 * whether their fix applies build edits for each resource they report; indexing the whole file
 * each time made one analysis quadratic in the file's size.
 */
export function lineIndexOf(text: string): LineIndex {
  return indexed(text).lines;
}

/** The line index and the line ending of `text`, each found once per text (both scan the whole file). */
function indexed(text: string): { lines: LineIndex; eol: '\n' | '\r\n' } {
  let entry = recentTexts.get(text);
  if (entry) return entry;
  entry = { lines: new LineIndex(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  recentTexts.set(text, entry);
  if (recentTexts.size > MAX_RECENT_TEXTS) recentTexts.delete(recentTexts.keys().next().value as string);
  return entry;
}

/**
 * Sets `path` (under the resource's properties; Terraform nested blocks are path steps) to
 * `value`, creating the missing maps or blocks. Returns [] when the path crosses something that is
 * not a map (an intrinsic, a list, a dynamic block): such a report is not fixable.
 */
export function setProperty(resource: Resource, context: EditSource, path: string[], value: FixValue): TextEdit[] {
  const doc = open(resource, context);
  if (!doc || path.length === 0) return [];
  if (doc.syntax !== 'hcl' && !hasPropertiesSection(resource, doc)) {
    return insertPropertiesSection(resource, doc, nest(path, value));
  }
  let map: MapValue = resource.properties;
  for (let i = 0; i < path.length; i++) {
    const existing = getProperty(map, path[i]);
    if (!existing) return insertIntoMap(doc, map, path[i], nest(path.slice(i + 1), value));
    if (i === path.length - 1) return replaceValue(doc, existing, value);
    if (existing.value.kind !== 'map') return [];
    map = existing.value;
  }
  return [];
}

/** Removes a property (whole lines in YAML and HCL; with its comma in JSON). */
export function removeProperty(resource: Resource, context: EditSource, path: string[]): TextEdit[] {
  const doc = open(resource, context);
  if (!doc) return [];
  let map: MapValue = resource.properties;
  let target: Property | undefined;
  for (let i = 0; i < path.length; i++) {
    target = getProperty(map, path[i]);
    if (!target) return [];
    if (i < path.length - 1) {
      if (target.value.kind !== 'map') return [];
      map = target.value;
    }
  }
  if (!target) return [];
  if (doc.syntax === 'json') return removeJsonMember(doc, map, target);
  return removeLines(doc, target);
}

/**
 * Removes one property as written, in YAML or HCL, with its whole lines: for one of several
 * properties with the same key (Terraform's repeated `ingress { … }` blocks), which a path cannot
 * name. Returns [] when something else is written on the property's first or last line.
 */
export function removeWrittenProperty(resource: Resource, context: EditSource, target: Property): TextEdit[] {
  const doc = open(resource, context);
  if (!doc || doc.syntax === 'json') return [];
  const end = doc.lines.offset(target.range.end);
  const rest = doc.text.slice(end, endOfLine(doc, end)).trim();
  if (rest !== '' && !rest.startsWith('#') && !rest.startsWith('//')) return [];
  return removeLines(doc, target);
}

function removeLines(doc: Doc, target: Property): TextEdit[] {
  const start = doc.lines.offset(target.range.start);
  const lineStart = doc.lines.offset({ line: target.range.start.line, character: 0 });
  if (doc.text.slice(lineStart, start).trim() !== '') return [];
  const end = doc.lines.offset(target.range.end);
  const lineEnd = endOfLine(doc, end);
  const next = lineEnd + (doc.text.startsWith('\r\n', lineEnd) ? 2 : doc.text[lineEnd] === '\n' ? 1 : 0);
  return [edit(doc, lineStart, next, '')];
}

/** Adds a new Terraform block (a companion resource) after the resource's block. */
export function insertAfterResource(resource: Resource, context: EditSource, blockText: string): TextEdit[] {
  const doc = open(resource, context);
  if (!doc) return [];
  const at = doc.lines.offset(resource.range.end);
  // The block is written with two-space steps; a file indented otherwise gets its own.
  const unit = unitOf(doc);
  const indented =
    unit === '  ' ? blockText : blockText.replace(/^((?: {2})+)/gm, (spaces) => unit.repeat(spaces.length / 2));
  const body = doc.eol === '\n' && !indented.includes('\r') ? indented : indented.replace(/\r?\n/g, doc.eol);
  return [edit(doc, at, at, `${doc.eol}${doc.eol}${body}`)];
}

/**
 * Adds a new CloudFormation resource `logicalId` (its `Type`, `Properties`, …) right after
 * `resource` in `Resources`, in the file's style: a block mapping entry at the same indentation in
 * YAML, a member with its comma in JSON. Returns [] for a flow-style YAML `Resources` mapping.
 */
export function insertResource(resource: Resource, context: EditSource, logicalId: string, body: FixValue): TextEdit[] {
  const doc = open(resource, context);
  if (!doc || doc.syntax === 'hcl') return [];
  const lineStart = doc.lines.offset({ line: resource.idRange.start.line, character: 0 });
  const indent = doc.text.slice(lineStart, doc.lines.offset(resource.idRange.start));
  const end = doc.lines.offset(resource.range.end);
  if (doc.syntax === 'json') {
    const jsonIndent = /^[ \t]*$/.test(indent) ? indent : '';
    return [
      edit(
        doc,
        end,
        end,
        `,${doc.eol}${jsonIndent}${JSON.stringify(logicalId)}: ${renderJson(body, jsonIndent, unitOf(doc), doc.eol)}`,
      ),
    ];
  }
  if (!/^[ \t]*$/.test(indent)) return [];
  // The entry's range can run on over trailing comment lines up to the next key: stop at its last content.
  const start = doc.lines.offset(resource.range.start);
  let content = doc.text.slice(start, end).trimEnd();
  while (
    content.includes('\n') &&
    content
      .slice(content.lastIndexOf('\n') + 1)
      .trim()
      .startsWith('#')
  ) {
    content = content.slice(0, content.lastIndexOf('\n')).trimEnd();
  }
  const at = endOfLine(doc, start + content.length);
  return [edit(doc, at, at, `${doc.eol}${renderYamlBlock({ [logicalId]: body }, indent, doc.eol, unitOf(doc))}`)];
}

/** A CloudFormation logical id not used in the template yet: `wanted`, else `wanted2`, `wanted3`… */
export function freeLogicalId(wanted: string, context: EditSource): string {
  if (!context.resourceById(wanted)) return wanted;
  for (let n = 2; ; n++) if (!context.resourceById(`${wanted}${n}`)) return `${wanted}${n}`;
}

/** The name of a Terraform resource (`logs` in `aws_s3_bucket.logs`), for naming companions. */
export function terraformName(resource: Resource): string {
  return resource.id.slice(resource.id.indexOf('.') + 1);
}

// ---------------------------------------------------------------------------------------------

function nest(path: string[], value: FixValue): FixValue {
  return path.reduceRight<FixValue>((inner, key) => ({ [key]: inner }), value);
}

function edit(doc: Doc, start: number, end: number, newText: string): TextEdit {
  return { file: doc.file, range: doc.lines.range(start, end), newText };
}

function endOfLine(doc: Doc, offset: number): number {
  const newline = doc.text.indexOf('\n', offset);
  const end = newline === -1 ? doc.text.length : newline;
  return doc.text[end - 1] === '\r' ? end - 1 : end;
}

function indentOfLine(doc: Doc, line: number): string {
  const start = doc.lines.offset({ line, character: 0 });
  return /^[ \t]*/.exec(doc.text.slice(start, start + 200))![0];
}

/** The file's indentation step: a tab in JSON and HCL files indented with tabs, else 1 to 4 spaces. */
function unitOf(doc: Doc): string {
  const match = /\n([ \t]+)\S/.exec(doc.text);
  if (match && match[1][0] === '\t' && doc.syntax !== 'yaml') return '\t';
  const size = match && match[1][0] === ' ' ? Math.min(/^ */.exec(match[1])![0].length, 4) : 2;
  return ' '.repeat(size === 0 ? 2 : size);
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

/** CloudFormation resources without a `Properties` key get an empty map at their id's range. */
function hasPropertiesSection(resource: Resource, doc: Doc): boolean {
  if (!sameRange(resource.properties.range, resource.idRange)) return true;
  return doc.syntax === 'hcl';
}

function isFlowMap(doc: Doc, map: MapValue): boolean {
  return doc.text[doc.lines.offset(map.range.start)] === '{';
}

// --- replacing ------------------------------------------------------------------------------

function replaceValue(doc: Doc, property: Property, value: FixValue): TextEdit[] {
  const start = doc.lines.offset(property.value.range.start);
  const end = doc.lines.offset(property.value.range.end);
  const keyIndent = indentOfLine(doc, property.keyRange.start.line);
  const composite = typeof value === 'object' && !(value instanceof Raw);
  if (doc.syntax === 'yaml') {
    if (composite) {
      const rendered = renderYamlBlock(value, keyIndent + unitOf(doc), doc.eol, unitOf(doc));
      // Replace from just after the colon so the nested block starts on its own line.
      const colon = doc.text.lastIndexOf(':', start);
      return [edit(doc, colon + 1, end, `${doc.eol}${rendered}`)];
    }
    return [edit(doc, start, end, yamlScalar(value))];
  }
  if (doc.syntax === 'json') return [edit(doc, start, end, renderJson(value, keyIndent, unitOf(doc), doc.eol))];
  return [edit(doc, start, end, renderHclExpression(value, keyIndent, unitOf(doc), doc.eol))];
}

// --- inserting ------------------------------------------------------------------------------

function insertIntoMap(doc: Doc, map: MapValue, key: string, value: FixValue): TextEdit[] {
  if (doc.syntax === 'json') return insertJsonMember(doc, map, key, value);
  if (doc.syntax === 'hcl') return insertHcl(doc, map, key, value);
  return insertYaml(doc, map, key, value);
}

function insertYaml(doc: Doc, map: MapValue, key: string, value: FixValue): TextEdit[] {
  if (isFlowMap(doc, map)) {
    const close = doc.lines.offset(map.range.end) - 1;
    if (doc.text[close] !== '}') return [];
    const empty = map.properties.length === 0;
    // After the last entry (not before the brace), so `{ a: 1 }` becomes `{ a: 1, b: 2 }`.
    const at = empty ? close : doc.lines.offset(map.properties[map.properties.length - 1].range.end);
    return [edit(doc, at, at, `${empty ? '' : ', '}${yamlKey(key)}: ${JSON.stringify(toJson(value))}`)];
  }
  if (map.properties.length === 0) return [];
  const first = map.properties[0];
  const last = map.properties[map.properties.length - 1];
  const indent = doc.text.slice(
    doc.lines.offset({ line: first.keyRange.start.line, character: 0 }),
    doc.lines.offset(first.keyRange.start),
  );
  const at = endOfLine(doc, lastValueEnd(doc, last));
  return [
    edit(
      doc,
      at,
      at,
      `${doc.eol}${renderYamlBlock({ [key]: value }, indent.replace(/-/g, ' '), doc.eol, unitOf(doc))}`,
    ),
  ];
}

/** Where a property's text ends; block scalars end at the start of the next line. */
function lastValueEnd(doc: Doc, property: Property): number {
  const end = doc.lines.offset(property.range.end);
  if (property.range.end.character === 0 && property.range.end.line > property.range.start.line) return end - 1;
  return end;
}

function insertPropertiesSection(resource: Resource, doc: Doc, value: FixValue): TextEdit[] {
  const typeLine = resource.typeRange.start.line;
  const indent = indentOfLine(doc, typeLine);
  if (doc.syntax === 'yaml') {
    const at = endOfLine(doc, doc.lines.offset(resource.typeRange.end));
    return [edit(doc, at, at, `${doc.eol}${renderYamlBlock({ Properties: value }, indent, doc.eol, unitOf(doc))}`)];
  }
  const at = doc.lines.offset(resource.typeRange.end);
  return [edit(doc, at, at, `,${doc.eol}${indent}"Properties": ${renderJson(value, indent, unitOf(doc), doc.eol)}`)];
}

function insertJsonMember(doc: Doc, map: MapValue, key: string, value: FixValue): TextEdit[] {
  const unit = unitOf(doc);
  if (map.properties.length === 0) {
    const open = doc.lines.offset(map.range.start);
    const close = doc.lines.offset(map.range.end) - 1;
    if (doc.text[open] !== '{' || doc.text[close] !== '}') return [];
    const outer = indentOfLine(doc, map.range.start.line);
    const inner = outer + unit;
    return [
      edit(
        doc,
        open + 1,
        close,
        `${doc.eol}${inner}${JSON.stringify(key)}: ${renderJson(value, inner, unit, doc.eol)}${doc.eol}${outer}`,
      ),
    ];
  }
  const last = map.properties[map.properties.length - 1];
  const at = doc.lines.offset(last.range.end);
  if (map.range.start.line === map.range.end.line) {
    return [edit(doc, at, at, `, ${JSON.stringify(key)}: ${JSON.stringify(toJson(value))}`)];
  }
  const indent = indentOfLine(doc, last.keyRange.start.line);
  return [edit(doc, at, at, `,${doc.eol}${indent}${JSON.stringify(key)}: ${renderJson(value, indent, unit, doc.eol)}`)];
}

function removeJsonMember(doc: Doc, map: MapValue, target: Property): TextEdit[] {
  const index = map.properties.indexOf(target);
  const start = doc.lines.offset(target.range.start);
  const end = doc.lines.offset(target.range.end);
  if (index > 0) {
    const previousEnd = doc.lines.offset(map.properties[index - 1].range.end);
    return [edit(doc, previousEnd, end, '')];
  }
  const next = map.properties.at(1);
  if (next) return [edit(doc, start, doc.lines.offset(next.range.start), '')];
  return [edit(doc, start, end, '')];
}

function insertHcl(doc: Doc, map: MapValue, key: string, value: FixValue): TextEdit[] {
  const unit = unitOf(doc);
  const close = doc.lines.offset(map.range.end) - 1;
  if (doc.text[close] !== '}') return [];
  const closeLineStart = doc.lines.offset({ line: map.range.end.line, character: 0 });
  const braceIndent = indentOfLine(doc, map.range.end.line);
  const open = doc.lines.offset(map.range.start);
  const first = map.properties.at(0);
  // A one-line block (`{ a = 1 }`) becomes a multi-line one: HCL wants a line break after `{` too.
  const oneLine = first !== undefined && doc.text[open] === '{' && first.keyRange.start.line === map.range.start.line;
  const indent = first && !oneLine ? indentOfLine(doc, first.keyRange.start.line) : braceIndent + unit;
  const rendered = renderHclMember(key, value, indent, unit, doc.eol);
  if (doc.text.slice(closeLineStart, close).trim() === '') {
    return [edit(doc, closeLineStart, closeLineStart, `${rendered}${doc.eol}`)];
  }
  const edits = [edit(doc, close, close, `${doc.eol}${rendered}${doc.eol}${braceIndent}`)];
  if (oneLine) edits.unshift(edit(doc, open + 1, doc.lines.offset(first.keyRange.start), `${doc.eol}${indent}`));
  return edits;
}

// --- rendering ------------------------------------------------------------------------------

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function toJson(value: FixValue): Json {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

const YAML_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlScalar(value: FixValue): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string')
    return YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(toJson(value));
  return String(value);
}

function yamlKey(key: string): string {
  return YAML_PLAIN.test(key) || /^[A-Za-z][A-Za-z0-9:_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** Block-style YAML lines for a map (or `- ` items for a list), starting at `indent`. */
function renderYamlBlock(value: FixValue, indent: string, eol: string, unit = '  '): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'object' && !(item instanceof Raw) && !Array.isArray(item)) {
          const inner = renderYamlBlock(item, `${indent}  `, eol, unit);
          return `${indent}- ${inner.slice(indent.length + 2)}`;
        }
        return `${indent}- ${yamlScalar(item)}`;
      })
      .join(eol);
  }
  if (typeof value === 'object' && !(value instanceof Raw)) {
    return Object.entries(value)
      .map(([key, inner]) => {
        if (typeof inner === 'object' && !(inner instanceof Raw)) {
          const isEmpty = Array.isArray(inner) ? inner.length === 0 : Object.keys(inner).length === 0;
          if (isEmpty) return `${indent}${yamlKey(key)}: ${Array.isArray(inner) ? '[]' : '{}'}`;
          return `${indent}${yamlKey(key)}:${eol}${renderYamlBlock(inner, indent + unit, eol, unit)}`;
        }
        return `${indent}${yamlKey(key)}: ${yamlScalar(inner)}`;
      })
      .join(eol);
  }
  return `${indent}${yamlScalar(value)}`;
}

function renderJson(value: FixValue, indent: string, unit: string, eol: string): string {
  const text = JSON.stringify(toJson(value), null, unit);
  return text.split('\n').join(`${eol}${indent}`);
}

function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function renderHclExpression(value: FixValue, indent: string, unit: string, eol: string): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => renderHclExpression(v, indent, unit, eol)).join(', ')}]`;
  const inner = indent + unit;
  const entries = Object.entries(value).map(
    ([k, v]) =>
      `${inner}${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${renderHclExpression(v, inner, unit, eol)}`,
  );
  return `{${eol}${entries.join(eol)}${eol}${indent}}`;
}

/** An attribute (`key = value`) or, for a map value, a nested block (`key { … }`). */
function renderHclMember(key: string, value: FixValue, indent: string, unit: string, eol: string): string {
  if (typeof value === 'object' && !(value instanceof Raw) && !Array.isArray(value)) {
    const inner = Object.entries(value).map(([k, v]) => renderHclMember(k, v, indent + unit, unit, eol));
    return `${indent}${key} {${eol}${inner.join(eol)}${eol}${indent}}`;
  }
  return `${indent}${key} = ${renderHclExpression(value, indent, unit, eol)}`;
}

/**
 * Replaces a value written in the file with new source text (`false`, the same token in YAML,
 * JSON and HCL), for values that `setProperty` cannot reach, such as items of a list.
 */
export function replaceWritten(resource: Resource, value: { range: Range }, newText: string): TextEdit[] {
  return [{ file: resource.file, range: value.range, newText }];
}
