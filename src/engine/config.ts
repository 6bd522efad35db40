/**
 * `.srlens.yaml` at the workspace root: the same file drives the CLI and the editor.
 *
 * ```yaml
 * rules:
 *   s3-bucket-versioning: off        # off | error | warning | info
 *   rds-multi-az: error
 * requiredTags: [owner, data-classification]
 * exclude: ["legacy/**"]
 * minimumSeverity: info              # findings below this are not shown
 * ```
 *
 * It can change rules, tags and paths, and nothing else: no key runs anything. A bad value yields
 * one finding at the bad key and the rest of the file still applies.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Range, Severity } from '../iac/model';
import { asHeadline, type Finding } from './finding';

export const CONFIG_FILE_NAME = '.srlens.yaml';
export const CONFIG_ERROR_RULE_ID = 'config-error';

export type RuleSetting = 'off' | Severity;

export interface SrlensConfig {
  rules: Record<string, RuleSetting>;
  requiredTags: string[];
  exclude: string[];
  minimumSeverity: Severity;
}

export const DEFAULT_CONFIG: SrlensConfig = Object.freeze({
  rules: {},
  requiredTags: [],
  exclude: [],
  minimumSeverity: 'info',
}) as SrlensConfig;

const SEVERITIES = ['error', 'warning', 'info'];

export interface LoadedConfig {
  config: SrlensConfig;
  findings: Finding[];
}

/** Parses `.srlens.yaml`. `knownRuleIds` lets it warn about rule ids that do not exist. */
export function parseConfig(file: string, text: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const config: SrlensConfig = { rules: {}, requiredTags: [], exclude: [], minimumSeverity: 'info' };
  const toRange = (node: YamlNode | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const report = (node: YamlNode | null | undefined, message: string, severity: Severity = 'error') =>
    findings.push(configFinding(file, toRange(node), message, severity));

  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    report(undefined, `Could not read ${CONFIG_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
    return { config, findings };
  }
  for (const error of doc.errors) {
    const s = lineCounter.linePos(error.pos[0]);
    const e = lineCounter.linePos(error.pos[1]);
    findings.push(
      configFinding(
        file,
        { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } },
        `${CONFIG_FILE_NAME} is not valid YAML: ${error.message.split('\n')[0]}`,
        'error',
      ),
    );
  }
  const root = doc.contents;
  if (root === null) return { config, findings };
  if (!isMap(root)) {
    report(
      root as YamlNode,
      `${CONFIG_FILE_NAME} must be a mapping with the keys rules, requiredTags, exclude and minimumSeverity.`,
    );
    return { config, findings };
  }

  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'rules':
        if (!isMap(value)) {
          report(value ?? pair.key, "'rules' must map rule ids to off, error, warning or info.");
          break;
        }
        for (const rule of value.items as Pair<YamlNode, YamlNode>[]) {
          const id = isScalar(rule.key) ? String(rule.key.value) : '';
          const setting = isScalar(rule.value) ? rule.value.value : undefined;
          const normalised =
            setting === false ? 'off' : typeof setting === 'string' ? setting.toLowerCase() : undefined;
          if (!knownRuleIds.has(id))
            report(rule.key, `Unknown rule '${id}': it is ignored. Check the id against docs/rules/.`, 'warning');
          else if (normalised !== 'off' && !SEVERITIES.includes(normalised ?? ''))
            report(rule.value ?? rule.key, `Rule '${id}' must be set to off, error, warning or info.`);
          else config.rules[id] = normalised as RuleSetting;
        }
        break;
      case 'requiredTags':
      case 'exclude': {
        const list = stringList(value);
        if (!list) report(value ?? pair.key, `'${key}' must be a list of strings.`);
        else if (key === 'requiredTags') config.requiredTags = list;
        else config.exclude = list;
        break;
      }
      case 'minimumSeverity': {
        const severity = isScalar(value) && typeof value.value === 'string' ? value.value.toLowerCase() : '';
        if (SEVERITIES.includes(severity)) config.minimumSeverity = severity as Severity;
        else report(value ?? pair.key, "'minimumSeverity' must be error, warning or info.");
        break;
      }
      default:
        report(
          pair.key,
          `Unknown key '${key}' in ${CONFIG_FILE_NAME}: expected rules, requiredTags, exclude or minimumSeverity.`,
          'warning',
        );
    }
  }
  return { config, findings };
}

function stringList(node: YamlNode | null | undefined): string[] | undefined {
  if (isSeq(node)) {
    const values = node.items.map((item) =>
      isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')
        ? String(item.value)
        : undefined,
    );
    return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
  }
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  return undefined;
}

function configFinding(file: string, range: Range, message: string, severity: Severity): Finding {
  return asHeadline({
    ruleId: CONFIG_ERROR_RULE_ID,
    severity,
    concern: 'configuration',
    owner: 'customer',
    tier: 'unclassified',
    service: '',
    resource: '',
    resourceType: '',
    file,
    range,
    message,
    fixable: false,
  });
}
