/**
 * What the OpenSearch Service rules share: the four resource types of a domain (OpenSearch and the
 * legacy Elasticsearch names, in CloudFormation and Terraform), the property names that differ
 * between them, and whether the domain's engine version and instance type can encrypt at all.
 */
import type { Resource } from '../../iac/model';
import type { RuleContext, RuleReport } from '../rule';
import { checkRequiredSetting, type RequiredSetting } from '../toolkit/required-setting';
import { isCloudFormation, read, stringOf } from '../toolkit/values';
import { compareVersions, versionNumbers } from '../toolkit/versions';

export const SEARCH_DOMAIN_TYPES = [
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'aws_opensearch_domain',
  'aws_elasticsearch_domain',
] as const;

/** The paths of the settings the rules read, per language. */
export const SEARCH_PATHS = {
  atRest: { cfn: ['EncryptionAtRestOptions', 'Enabled'], tf: ['encrypt_at_rest', 'enabled'] },
  nodeToNode: { cfn: ['NodeToNodeEncryptionOptions', 'Enabled'], tf: ['node_to_node_encryption', 'enabled'] },
  enforceHttps: { cfn: ['DomainEndpointOptions', 'EnforceHTTPS'], tf: ['domain_endpoint_options', 'enforce_https'] },
  tlsPolicy: {
    cfn: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
    tf: ['domain_endpoint_options', 'tls_security_policy'],
  },
} as const;

export type SearchSetting = keyof typeof SEARCH_PATHS;

export function searchPath(resource: Resource, setting: SearchSetting): string[] {
  const paths = SEARCH_PATHS[setting];
  return [...(isCloudFormation(resource) ? paths.cfn : paths.tf)];
}

/** The path as people write it: `EncryptionAtRestOptions.Enabled`, `encrypt_at_rest.enabled`. */
export function searchPathText(resource: Resource, setting: SearchSetting): string {
  return searchPath(resource, setting).join('.');
}

/** The resource types of the legacy Elasticsearch Service API, which default to Elasticsearch 1.5. */
const LEGACY_TYPES: readonly string[] = ['AWS::Elasticsearch::Domain', 'aws_elasticsearch_domain'];

export function domainKind(resource: Resource): string {
  return LEGACY_TYPES.includes(resource.type) ? 'Elasticsearch domain' : 'OpenSearch Service domain';
}

/**
 * Why the domain cannot use an encryption feature as written, or undefined when it can (or when
 * it cannot be known). Encryption at rest needs Elasticsearch 5.1+, node-to-node encryption
 * Elasticsearch 6.0+ (every OpenSearch version has both), and neither runs on T2 or M3 instances.
 */
export function encryptionBlocker(
  resource: Resource,
  context: RuleContext,
  feature: 'atRest' | 'nodeToNode',
): string | undefined {
  const version = elasticsearchVersion(resource, context);
  const minimum = feature === 'atRest' ? [5, 1] : [6, 0];
  if (version && compareVersions(version.numbers, minimum) < 0) {
    const which = version.defaulted
      ? `Elasticsearch ${version.text} (the default when no version is set)`
      : `Elasticsearch ${version.text}`;
    return `${which} cannot use it: upgrade to Elasticsearch ${minimum.join('.')} or later, or to OpenSearch, first.`;
  }
  const instanceType = dataInstanceType(resource, context);
  if (instanceType && /^(t2|m3)\./i.test(instanceType)) {
    return `Instance type ${instanceType} cannot use it: move to a current generation instance type first.`;
  }
  return undefined;
}

/**
 * The Elasticsearch version the domain runs; undefined for OpenSearch or when unknown. The legacy
 * Elasticsearch resources create Elasticsearch 1.5 when no version is written (the API default);
 * an OpenSearch Service domain without a version gets the latest OpenSearch.
 */
function elasticsearchVersion(
  resource: Resource,
  context: RuleContext,
): { text: string; numbers: number[]; defaulted: boolean } | undefined {
  let text: string | undefined;
  let defaulted = false;
  if (LEGACY_TYPES.includes(resource.type)) {
    const setting = stringOf(
      read(resource, context, [isCloudFormation(resource) ? 'ElasticsearchVersion' : 'elasticsearch_version']),
    );
    if (setting.state === 'unknown') return undefined;
    defaulted = setting.state === 'absent';
    text = setting.state === 'absent' ? '1.5' : setting.value;
  } else {
    const engine = literal(resource, context, isCloudFormation(resource) ? 'EngineVersion' : 'engine_version');
    text = engine?.startsWith('Elasticsearch_') ? engine.slice('Elasticsearch_'.length) : undefined;
  }
  const numbers = text === undefined ? undefined : versionNumbers(text);
  return text !== undefined && numbers ? { text, numbers, defaulted } : undefined;
}

function dataInstanceType(resource: Resource, context: RuleContext): string | undefined {
  const path = isCloudFormation(resource)
    ? [resource.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchClusterConfig' : 'ClusterConfig', 'InstanceType']
    : ['cluster_config', 'instance_type'];
  const value = stringOf(read(resource, context, path));
  return value.value;
}

function literal(resource: Resource, context: RuleContext, name: string): string | undefined {
  const value = stringOf(read(resource, context, [name]));
  return value.value;
}

/** The two encryption switches (at rest, node to node) as required settings: both default to off. */
export function encryptionSwitch(feature: 'atRest' | 'nodeToNode'): RequiredSetting {
  return {
    cloudFormation: SEARCH_PATHS[feature].cfn,
    terraform: SEARCH_PATHS[feature].tf,
    wanted: true,
    default: { value: false, source: 'OpenSearch Service API, CloudFormation and Terraform default' },
  };
}

/**
 * The shared check of the two encryption switches: an absent or false `Enabled` is reported; the
 * fix (`fixRequiredSetting` with `encryptionSwitch`) turns it on unless the domain cannot. The
 * reports print the rule's messages `off` and `notSet` (below).
 */
export function checkEncryptionSwitch(
  resource: Resource,
  context: RuleContext,
  feature: 'atRest' | 'nodeToNode',
): RuleReport[] {
  const reports = checkRequiredSetting(resource, context, encryptionSwitch(feature), {
    absent: 'notSet',
    insecure: 'off',
  });
  if (reports.length === 0) return [];
  const blocker = encryptionBlocker(resource, context, feature);
  const data = { domain: `${domainKind(resource)} '${resource.id}'`, blocker: blocker ? ` ${blocker}` : '' };
  return reports.map((report) => ({ ...report, data: { ...report.data, ...data }, fixable: !blocker }));
}

/**
 * The rule's messages `off` (the switch is written as false) and `notSet` (it is not written, and
 * defaults to false) get `{domain}` ("OpenSearch domain 'Logs'"), `{property}` (the dotted path)
 * and `{blocker}` (empty, or a sentence, after a space, on why the domain cannot turn it on yet).
 */
