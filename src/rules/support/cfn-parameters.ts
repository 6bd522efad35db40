/**
 * CloudFormation parameters as edit targets. The model keeps what rules read about a parameter
 * (name, type, default, NoEcho) but not the body's layout, which a fix needs to add or change a
 * key in the file's own style. This reads the body of one parameter from the text and presents it
 * as a resource-like target for the edits in ../edits.ts.
 */
import * as jsonc from 'jsonc-parser';
import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { lineIndexOf } from '../../fixes/edits';
import type { CfnParameter, CloudFormationTemplate, MapValue, Property, Range, Resource, Value } from '../../iac/model';

/** A stand-in resource whose properties are the parameter's body, so `setProperty` can edit it. */
export function parameterAsEditTarget(
  template: CloudFormationTemplate,
  parameter: CfnParameter,
  text: string,
): Resource | undefined {
  const body =
    template.syntax === 'cloudformation-json'
      ? jsonBody(text, parameter.name)
      : yamlBody(text, template.documentIndex, parameter.name);
  if (!body) return undefined;
  return {
    id: parameter.name,
    type: 'AWS::CloudFormation::Parameter',
    service: 'AWS CloudFormation',
    tier: 'unclassified',
    file: template.file,
    syntax: template.syntax,
    range: parameter.range,
    idRange: parameter.keyRange,
    typeRange: parameter.keyRange,
    properties: body,
  };
}

// --- YAML -----------------------------------------------------------------------------------

function yamlBody(text: string, documentIndex: number, name: string): MapValue | undefined {
  const lineCounter = new LineCounter();
  const document = parseAllDocuments(text, { lineCounter, keepSourceTokens: false }).at(documentIndex);
  if (!document || !('contents' in document)) return undefined;
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const parameters = yamlEntry(document.contents, 'Parameters');
  const body = yamlEntry(parameters, name);
  if (!isMap(body) || !body.range) return undefined;
  const properties: Property[] = [];
  for (const pair of body.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = pair.key as YamlNode;
    const valueNode = pair.value as YamlNode | null;
    const [keyStart, keyEnd] = key.range!;
    const [valueStart, valueEnd] = valueNode?.range ?? [keyEnd, keyEnd];
    const value = placeholder(isScalar(valueNode) ? valueNode.value : undefined, toRange(valueStart, valueEnd));
    properties.push({
      key: String((pair.key as { value: unknown }).value),
      keyRange: toRange(keyStart, keyEnd),
      value,
      range: toRange(keyStart, valueEnd),
    });
  }
  return { kind: 'map', properties, range: toRange(body.range[0], body.range[1]) };
}

function yamlEntry(node: unknown, key: string): YamlNode | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key)
      return (pair.value ?? undefined) as YamlNode | undefined;
  }
  return undefined;
}

// --- JSON -----------------------------------------------------------------------------------

function jsonBody(text: string, name: string): MapValue | undefined {
  const tree = jsonc.parseTree(text, [], { disallowComments: true });
  const body = tree && jsonc.findNodeAtLocation(tree, ['Parameters', name]);
  if (body?.type !== 'object') return undefined;
  const lines = lineIndexOf(text);
  const toRange = (offset: number, length: number) => lines.range(offset, offset + length);
  const properties: Property[] = [];
  for (const member of body.children ?? []) {
    const key = member.children?.at(0);
    const value = member.children?.at(1);
    if (!key || !value) continue;
    properties.push({
      key: String(key.value),
      keyRange: toRange(key.offset, key.length),
      value: placeholder(value.value, toRange(value.offset, value.length)),
      range: toRange(key.offset, value.offset + value.length - key.offset),
    });
  }
  return { kind: 'map', properties, range: toRange(body.offset, body.length) };
}

/** Edits only need a value's range; scalars keep their value, anything else is an empty map. */
function placeholder(value: unknown, range: Range): Value {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return { kind: 'literal', value, range };
  return { kind: 'map', properties: [], range };
}
