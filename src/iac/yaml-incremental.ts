/**
 * Incremental re-parse of a CloudFormation YAML template after an edit inside one resource.
 *
 * Typing happens inside a resource nearly all the time, and a template's resources are separate
 * blocks of lines under `Resources:`. So when the text that changed lies strictly inside one
 * resource's lines, only those lines are parsed again; the other resources keep their converted
 * values, moved down or up when the edit added or removed lines. The template is then built from
 * the edited root exactly as a fresh parse builds it, `Fn::ForEach` loops (AWS::LanguageExtensions)
 * and SAM's resources (AWS::Serverless-2016-10-31) included: both are functions of the whole root,
 * so they are written out again, and so are the diagnostics they give. Anything the shortcut cannot
 * prove equivalent to a fresh parse — a syntax error before or after, aliases, several documents,
 * an edit touching a resource's first line or the last resource, a line indented left of the
 * resource, a renamed resource clashing with another, an edit inside an `Fn::ForEach` block (its
 * key is an intrinsic) — returns `undefined`, and the caller parses the whole text. A property test
 * checks that both paths give identical results.
 */
import { isMap, isPair, isScalar, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { buildTemplate, cleanYamlTemplates, YAML_CUSTOM_TAGS, YamlConverter, yamlRoots } from './cloudformation';
import { LineIndex } from './line-index';
import type { CloudFormationTemplate, MapValue, ParseDiagnostic, ParseResult, Property, Range } from './model';

/** What an incremental re-parse starts from: the previous text and its parse. */
export interface YamlParseState {
  text: string;
  result: ParseResult;
}

/** The line index of the text an incremental re-parse produced, for the next one. */
const lineIndexes = new WeakMap<CloudFormationTemplate, LineIndex>();

/** Above this size the converter's node budget could differ between a fragment and the whole. */
const MAX_TEXT = 2_000_000;

/** The new parse, or `undefined` when the edit is not one this shortcut handles. Never throws. */
export function reparseYamlIncrementally(
  file: string,
  text: string,
  previous: YamlParseState,
): ParseResult | undefined {
  try {
    return reparse(file, text, previous);
  } catch {
    return undefined;
  }
}

function reparse(file: string, text: string, previous: YamlParseState): ParseResult | undefined {
  const old = previous.text;
  if (text === old || text.length > MAX_TEXT || old.length > MAX_TEXT) return undefined;
  const { units } = previous.result;
  if (units.length !== 1) return undefined;
  const template = units[0];
  if (template.kind !== 'cloudformation' || template.syntax !== 'cloudformation-yaml' || template.documentIndex !== 0)
    return undefined;
  // Its diagnostics, if any, all come from building the model, and building it again gives them again.
  if (!cleanYamlTemplates.has(template)) return undefined;
  const root = yamlRoots.get(template);
  if (!root) return undefined;
  const sectionIndex = root.properties.findIndex((p) => p.key === 'Resources');
  const section = sectionIndex < 0 ? undefined : root.properties[sectionIndex];
  if (section?.value.kind !== 'map') return undefined;
  const entries = section.value.properties;

  // The changed span: [from, oldTo) in the old text became [from, newTo) in the new one. The
  // common suffix is taken first, so that an ambiguous insertion (a new line typed at the end of a
  // resource) lands at the left end of its possible places, inside the resource typed in.
  const shorter = Math.min(old.length, text.length);
  let tail = 0;
  while (tail < shorter && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  let from = 0;
  while (from < shorter - tail && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  const oldTo = old.length - tail;
  const newTo = text.length - tail;

  // The resource whose lines contain it, never the last one (its end is the section's end).
  const oldLines = lineIndexes.get(template) ?? new LineIndex(old);
  const entryIndex = entries.findIndex(
    (_entry, i) => i + 1 < entries.length && oldLines.offset(entries[i + 1].keyRange.start) > from,
  );
  if (entryIndex < 0) return undefined;
  const entry = entries[entryIndex];
  const next = entries[entryIndex + 1];
  if (entry.keyRange.start.line >= next.keyRange.start.line) return undefined; // a flow mapping
  const column = entry.keyRange.start.character;
  const start = oldLines.offset({ line: entry.keyRange.start.line, character: 0 });
  const end = oldLines.offset({ line: next.keyRange.start.line, character: 0 });
  const keyAt = start + column;
  // The next resource's key must start its line at the same column: an empty key (`  :`) has its
  // range at the end of the line before, which would cut this resource short.
  const nextKeyAt = oldLines.offset(next.keyRange.start);
  if (nextKeyAt !== end + column || /[\s:#]/.test(old[nextKeyAt] ?? ' ')) return undefined;
  if (column === 0 || from <= keyAt || oldTo >= end || old.slice(start, keyAt).trim() !== '') return undefined;

  // Parse the resource's new lines alone: one document, no errors, one key at the same column,
  // and no line indented at or left of it (that would end the resource, or the section).
  // Up to the next resource's key, its indentation included: in the whole document a resource
  // followed by comment lines ends there, not at the start of the key's line.
  const fragment = text.slice(start, end + (newTo - oldTo) + column);
  if (!linesStayInside(fragment, column)) return undefined;
  const documents = parseAllDocuments(fragment, {
    customTags: YAML_CUSTOM_TAGS,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  if (!Array.isArray(documents) || documents.length !== 1) return undefined;
  const doc = documents[0];
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const pair = doc.contents.items[0];
  const keyNode = isPair(pair) ? (pair.key as YamlNode | null) : undefined;
  if (!isScalar(keyNode) || keyNode.range?.[0] !== column || keyNode.tag) return undefined;
  const key = String(keyNode.value);
  if (key === 'Ref' || key.startsWith('Fn::')) return undefined;
  if (key !== entry.key && entries.some((other) => other.key === key)) return undefined;

  const newLines = new LineIndex(text);
  const toRange = (s: number, e: number): Range => {
    const a = Math.min(s + start, text.length);
    return newLines.range(a, Math.min(Math.max(a, e + start), text.length));
  };
  const converter = new YamlConverter(fragment, toRange);
  const converted = converter.convert(doc.contents, 1);
  if (
    converter.aliases.length > 0 ||
    converter.tooDeep ||
    converted.kind !== 'map' ||
    converted.properties.length !== 1
  )
    return undefined;
  const replacement = converted.properties[0];

  // Everything after the resource moves by the number of lines the edit added or removed.
  const delta = newLines.lineCount - oldLines.lineCount;
  // The section, the root and the document start before the edit and end after it.
  const endMoved = (range: Range): Range =>
    delta === 0 ? range : { start: range.start, end: shiftLines(range.end, delta) };
  const resources: MapValue = {
    ...section.value,
    properties: [
      ...entries.slice(0, entryIndex),
      replacement,
      ...entries.slice(entryIndex + 1).map((p) => shiftLines(p, delta)),
    ],
    range: endMoved(section.value.range),
  };
  const newSection: Property = { ...section, value: resources, range: endMoved(section.range) };
  const newRoot: MapValue = {
    ...root,
    properties: root.properties.map((p, i) =>
      i === sectionIndex ? newSection : p.range.start.line > entry.keyRange.start.line ? shiftLines(p, delta) : p,
    ),
    range: endMoved(root.range),
  };
  const newDiagnostics: ParseDiagnostic[] = [];
  const built = buildTemplate(newRoot, file, 'cloudformation-yaml', 0, endMoved(template.range), newDiagnostics);
  if (!built) return undefined;
  yamlRoots.set(built, newRoot);
  cleanYamlTemplates.add(built);
  lineIndexes.set(built, newLines);
  return { units: [built as CloudFormationTemplate], diagnostics: newDiagnostics };
}

/** True when every line after the first that holds anything but a comment is indented right of `column`. */
function linesStayInside(fragment: string, column: number): boolean {
  let lineStart = fragment.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart < fragment.length) {
    const next = fragment.indexOf('\n', lineStart);
    const lineEnd = next === -1 ? fragment.length : next;
    let i = lineStart;
    while (i < lineEnd && fragment.charCodeAt(i) === 0x20) i++;
    const c = fragment.charCodeAt(i);
    const blank = i === lineEnd || c === 0x0d || c === 0x23; // empty, CR of a CRLF, or a comment
    if (!blank && i - lineStart <= column) return false;
    lineStart = lineEnd + 1;
  }
  return true;
}

/** A copy of a model value with every position `delta` lines further down (positions are the only objects with `line`). */
function shiftLines<T>(value: T, delta: number): T {
  if (delta === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => shiftLines(item, delta)) as T;
  const object = value as Record<string, unknown>;
  if (typeof object.line === 'number' && typeof object.character === 'number')
    return { line: object.line + delta, character: object.character } as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) copy[key] = shiftLines(object[key], delta);
  return copy as T;
}
