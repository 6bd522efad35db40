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
 * peerSuppressions: false            # ignore suppressions written for other tools (default: honour them)
 * suppressions:                      # for what a comment cannot reach (generated templates, CDK output)
 *   - rule: s3-bucket-access-logging
 *     path: "cdk.out/**"             # and/or resource, resourceType, service
 *     reason: the log bucket itself
 *     expires: 2027-03-31            # optional, YYYY-MM-DD
 *     owner: platform-team           # optional
 * controls: [aws-security-hub:S3.5, RDS.2, iso-27001-2022:8.24]   # only the rules that check these
 * classificationTag: data-classification   # the tag that classifies information (ISMS control 5.12)
 * ```
 *
 * It can change rules, tags and paths, and nothing else: no key runs anything. A bad value yields
 * one finding at the bad key and the rest of the file still applies.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Range, Severity } from '../iac/model';
import { parseControlSelection } from './controls';
import { asHeadline, type Finding } from './finding';
import { isIsoDate, type Suppression } from './suppressions';

export const CONFIG_FILE_NAME = '.srlens.yaml';
export const CONFIG_ERROR_RULE_ID = 'config-error';

export type RuleSetting = 'off' | Severity;

export interface SrlensConfig {
  rules: Record<string, RuleSetting>;
  requiredTags: string[];
  exclude: string[];
  minimumSeverity: Severity;
  /** Whether suppressions written for other tools (Checkov, Trivy, tfsec, cfn_nag, cfn-guard) apply. */
  peerSuppressions?: boolean;
  /** Scoped suppressions from `.srlens.yaml` (`source: 'config'`, each with its scope). */
  suppressions?: Suppression[];
  /**
   * Only the rules that check one of these controls run (`aws-security-hub:S3.5`,
   * `iso-27001-2022:8.24`, as `engine/controls.ts` reads them); absent or empty: every rule.
   */
  controls?: string[];
  /**
   * The tag key that records how information is classified (`data-classification`): the ISMS
   * statement of applicability suggests 5.12 "Classification of information" as implemented only
   * when it is set and the assets carry it.
   */
  classificationTag?: string;
}

export const DEFAULT_CONFIG: SrlensConfig = Object.freeze({
  rules: {},
  requiredTags: [],
  exclude: [],
  minimumSeverity: 'info',
}) as SrlensConfig;

const KEYS =
  'rules, requiredTags, exclude, minimumSeverity, controls, classificationTag, peerSuppressions or suppressions';
const SUPPRESSION_KEYS = [
  'rule',
  'resource',
  'resourceType',
  'service',
  'path',
  'reason',
  'expires',
  'owner',
  'ticket',
];
const SCOPE_KEYS = ['resource', 'resourceType', 'service', 'path'] as const;

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
    report(root as YamlNode, `${CONFIG_FILE_NAME} must be a mapping with the keys ${KEYS}.`);
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
      case 'classificationTag': {
        const tag = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
        if (tag) config.classificationTag = tag;
        else report(value ?? pair.key, "'classificationTag' must be a tag key, such as data-classification.");
        break;
      }
      case 'minimumSeverity': {
        const severity = isScalar(value) && typeof value.value === 'string' ? value.value.toLowerCase() : '';
        if (SEVERITIES.includes(severity)) config.minimumSeverity = severity as Severity;
        else report(value ?? pair.key, "'minimumSeverity' must be error, warning or info.");
        break;
      }
      case 'peerSuppressions':
        if (isScalar(value) && typeof value.value === 'boolean') config.peerSuppressions = value.value;
        else report(value ?? pair.key, "'peerSuppressions' must be true or false.");
        break;
      case 'suppressions': {
        if (!isSeq(value)) {
          report(
            value ?? pair.key,
            "'suppressions' must be a list of { rule, reason, and a scope: resource, resourceType, service or path }.",
          );
          break;
        }
        const root = file.replace(/[\\/][^\\/]*$/, '');
        const list: Suppression[] = [];
        for (const item of value.items as YamlNode[]) {
          const suppression = readSuppression(item, file, root, knownRuleIds, toRange, report);
          if (suppression) list.push(suppression);
        }
        config.suppressions = list;
        break;
      }
      case 'controls': {
        const list = stringList(value);
        if (!list) {
          report(value ?? pair.key, "'controls' must be a list of control ids, such as aws-security-hub:S3.5.");
          break;
        }
        const selection = parseControlSelection(list);
        // An unknown id is reported and left out; if none is known, every rule still runs.
        for (const error of selection.errors) report(value, `${error[0].toUpperCase()}${error.slice(1)}.`);
        if (selection.controls.length > 0) config.controls = selection.controls.map((c) => `${c.framework}:${c.id}`);
        break;
      }
      default:
        report(pair.key, `Unknown key '${key}' in ${CONFIG_FILE_NAME}: expected ${KEYS}.`, 'warning');
    }
  }
  return { config, findings };
}

/** One `.srlens.yaml` suppression; undefined (with a finding at the bad key) when it cannot apply. */
function readSuppression(
  item: YamlNode,
  file: string,
  root: string,
  knownRuleIds: ReadonlySet<string>,
  toRange: (node: YamlNode | null | undefined) => Range,
  report: (node: YamlNode | null | undefined, message: string, severity?: Severity) => void,
): Suppression | undefined {
  if (!isMap(item)) {
    report(
      item,
      'Each suppression must be a mapping with rule, reason and a scope (resource, resourceType, service or path).',
    );
    return undefined;
  }
  const values = new Map<string, { text: string; node: YamlNode }>();
  for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!SUPPRESSION_KEYS.includes(key)) {
      report(pair.key, `Unknown key '${key}' in a suppression: expected ${SUPPRESSION_KEYS.join(', ')}.`);
      return undefined;
    }
    const scalar = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof scalar !== 'string' && typeof scalar !== 'number') {
      report(pair.value ?? pair.key, `'${key}' in a suppression must be a single value.`);
      return undefined;
    }
    values.set(key, { text: String(scalar).trim(), node: pair.value as YamlNode });
  }
  const rule = values.get('rule');
  if (!rule?.text) {
    report(item, 'This suppression names no rule: add rule: <rule-id>.');
    return undefined;
  }
  if (!knownRuleIds.has(rule.text)) {
    report(
      rule.node,
      `Unknown rule '${rule.text}' in a suppression: it is ignored. Check the id against docs/rules/.`,
      'warning',
    );
    return undefined;
  }
  if (!values.get('reason')?.text) {
    report(item, `This suppression of '${rule.text}' gives no reason, so it does not apply: add reason: <why>.`);
    return undefined;
  }
  if (!SCOPE_KEYS.some((k) => values.get(k)?.text)) {
    report(
      item,
      `This suppression of '${rule.text}' has no scope: add resource, resourceType, service or path (to turn the rule off everywhere, set it to off under rules).`,
    );
    return undefined;
  }
  const expires = values.get('expires');
  if (expires && !isIsoDate(expires.text)) {
    report(
      expires.node,
      `The expiry date '${expires.text}' is not a date written YYYY-MM-DD, so this suppression does not apply.`,
    );
    return undefined;
  }
  const scope: Suppression['scope'] = { root };
  for (const k of SCOPE_KEYS) {
    const v = values.get(k)?.text;
    if (v) scope[k] = v;
  }
  const owner = values.get('owner')?.text;
  const ticket = values.get('ticket')?.text;
  return {
    rule: rule.text,
    reason: values.get('reason')!.text,
    file,
    range: toRange(item),
    scope,
    source: 'config',
    ...(expires ? { expires: expires.text } : {}),
    ...(owner ? { owner } : {}),
    ...(ticket ? { ticket } : {}),
  };
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
