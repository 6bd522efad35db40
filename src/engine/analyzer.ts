/**
 * The engine: text in, units and findings out. Both front ends (CLI and editor) call this.
 * Parsing is cached per file (CloudFormation) and per module (Terraform), so unchanged text is
 * never parsed twice; rules are indexed by resource type.
 */
import { parseCloudFormation } from '../iac/cloudformation';
import { mayBeTemplate, moduleDirOf, sourceKindOf } from '../iac/detect';
import type { IacUnit, ParseResult, Resource } from '../iac/model';
import { loadTerraformLanguage, parseTerraformModule } from '../iac/terraform';
import { ownershipFor } from '../knowledge/ownership';
import { RULES } from '../rules';
import type { Rule } from '../rules/rule';
import { compareFindings, parseErrorFinding, type Finding } from './finding';

export interface SourceFile {
  path: string;
  text: string;
}

export interface Analysis {
  units: IacUnit[];
  findings: Finding[];
}

interface CacheEntry {
  key: string;
  analysis: Analysis;
}

export class Analyzer {
  private readonly cloudFormationCache = new Map<string, CacheEntry>();
  private readonly terraformCache = new Map<string, CacheEntry>();
  private readonly rulesByType = new Map<string, Rule[]>();

  constructor(rules: readonly Rule[] = RULES) {
    for (const rule of rules) {
      for (const type of rule.appliesTo) {
        const list = this.rulesByType.get(type) ?? [];
        list.push(rule);
        this.rulesByType.set(type, list);
      }
    }
  }

  /** Analyses one CloudFormation candidate file; YAML/JSON that is not a template yields nothing. */
  analyzeCloudFormation(path: string, text: string): Analysis {
    const cached = this.cloudFormationCache.get(path);
    if (cached && cached.key === text) return cached.analysis;
    const analysis = mayBeTemplate(text) ? this.analyzeParsed(parseCloudFormation(path, text)) : { units: [], findings: [] };
    this.cloudFormationCache.set(path, { key: text, analysis });
    return analysis;
  }

  /** Analyses one Terraform module: all `.tf` files of one directory together. */
  async analyzeTerraformModule(dir: string, files: SourceFile[]): Promise<Analysis> {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const key = sorted.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');
    const cached = this.terraformCache.get(dir);
    if (cached && cached.key === key) return cached.analysis;
    await loadTerraformLanguage();
    const analysis = this.analyzeParsed(parseTerraformModule(dir, sorted));
    this.terraformCache.set(dir, { key, analysis });
    return analysis;
  }

  /** Analyses a set of files: CloudFormation file by file, Terraform grouped into modules by directory. */
  async analyze(files: SourceFile[]): Promise<Analysis> {
    const units: IacUnit[] = [];
    const findings: Finding[] = [];
    const modules = new Map<string, SourceFile[]>();
    for (const file of files) {
      const kind = sourceKindOf(file.path);
      if (kind === 'cloudformation') {
        const result = this.analyzeCloudFormation(file.path, file.text);
        units.push(...result.units);
        findings.push(...result.findings);
      } else if (kind === 'terraform') {
        const dir = moduleDirOf(file.path);
        const list = modules.get(dir) ?? [];
        list.push(file);
        modules.set(dir, list);
      }
    }
    for (const [dir, moduleFiles] of modules) {
      const result = await this.analyzeTerraformModule(dir, moduleFiles);
      units.push(...result.units);
      findings.push(...result.findings);
    }
    findings.sort(compareFindings);
    return { units, findings };
  }

  /** Forgets cached results for a file (and its Terraform module). */
  forget(path: string): void {
    this.cloudFormationCache.delete(path);
    this.terraformCache.delete(moduleDirOf(path));
  }

  private analyzeParsed(parsed: ParseResult): Analysis {
    const findings = parsed.diagnostics.map(parseErrorFinding);
    for (const unit of parsed.units) {
      for (const resource of unit.resources) findings.push(...this.checkResource(resource, unit));
    }
    findings.sort(compareFindings);
    return { units: parsed.units, findings };
  }

  private checkResource(resource: Resource, unit: IacUnit): Finding[] {
    const rules = this.rulesByType.get(resource.type);
    if (!rules) return [];
    const findings: Finding[] = [];
    for (const rule of rules) {
      for (const report of rule.check(resource, { unit })) {
        const tier = resource.tier === 'unclassified' ? undefined : resource.tier;
        findings.push({
          ruleId: rule.id,
          severity: report.severity ?? rule.severity,
          concern: rule.concern,
          owner: tier ? ownershipFor(tier, rule.concern, resource.type).owner : 'customer',
          tier: resource.tier,
          service: resource.service,
          resource: resource.id,
          resourceType: resource.type,
          file: resource.file,
          range: report.range,
          message: report.message,
          fixable: false,
        });
      }
    }
    return findings;
  }
}
