/**
 * The engine: text in, units and findings out. Both front ends (CLI and editor) call this.
 * Parsing is cached per file (CloudFormation) and per module (Terraform), so unchanged text is
 * never parsed twice; rules are indexed by resource type; configuration and suppressions are
 * applied here, once, for every front end.
 */
import type { Fix } from '../fixes/types';
import { parseCloudFormation } from '../iac/cloudformation';
import { reparseYamlIncrementally } from '../iac/yaml-incremental';
import { isTerraformPlanJson, mayBeTemplate, moduleDirOf, sourceKindOf } from '../iac/detect';
import { keepShape } from '../iac/shapes';
import type { IacUnit, ParseResult, Resource } from '../iac/model';
import { forgetTerraformFile, loadTerraformLanguage, parseTerraformModule } from '../iac/terraform';
import { loadEvaluator } from '../iac/terraform/eval-expressions';
import { parseTerraformPlan } from '../iac/terraform/plan';
import { combineModuleFindings } from '../iac/terraform/eval-combine';
import { evaluateTerraformModule, type TerraformEvaluationOptions } from '../iac/terraform/eval-module';
import { ownershipFor } from '../knowledge/ownership';
import { RULES } from '../rules';
import {
  ALL_TYPES,
  type AccountFacts,
  type Rule,
  type RuleContext,
  type RuleReport,
  type UnitReport,
} from '../rules/rule';
import { renderReport } from '../rules/toolkit/messages';
import { DEFAULT_CONFIG, type RuleSetting, type SrlensConfig } from './config';
import { createRuleContext } from './context';
import {
  compareFindings,
  composeHeadline,
  HEADLINE_LIMIT,
  headlinePrefix,
  joinSentences,
  parseErrorFinding,
  severityAtLeast,
  type Finding,
  type Headline,
} from './finding';
import { resourceRuleErrorFinding, unitRuleErrorFinding, type RuleCrash, type RuleCrashHandler } from './rule-error';
import { combineNestedFindings, expandNestedStacks, type NestedInstance, type ReadFile } from './nested-stacks';
import { TerraformDependencies } from './terraform-dependencies';
import { CallerIndex } from './callers';
import { parseControlSelection, rulesCheckingControls } from './controls';
import { linkPlanFindings, moduleBlocks, type ModuleBlocks } from './plan-blocks';
import {
  applySuppressions,
  commentSuppressions,
  metadataSuppressions,
  SUPPRESSION_EXPIRING_RULE_ID,
  todayUtc,
  type SuppressedFinding,
  type Suppression,
} from './suppressions';
import { peerCommentSuppressions, peerMetadataSuppressions, type PeerNote } from './peer-suppressions';

export interface SourceFile {
  path: string;
  text: string;
}

export interface Analysis {
  units: IacUnit[];
  findings: Finding[];
  /** Findings silenced by a suppression with a reason, each with that suppression (for the ISMS risk register). */
  suppressed?: SuppressedFinding[];
  /** How many templates and Terraform modules were found, also when `units` is not kept (`retain: false`). */
  unitCount?: number;
  /** Terraform: folders of the local modules this module calls, analysed with its arguments. */
  calledModules?: string[];
  /** The instances of the nested stacks a template names by path (`nested-stacks.ts`); `analyze` combines their findings. */
  nested?: NestedInstance[];
  /** Suppressions written for other tools that silence nothing here (an id we do not map), for `--verbose`. */
  peerNotes?: PeerNote[];
}

export interface AnalyzerOptions {
  rules?: readonly Rule[];
  config?: SrlensConfig;
  /**
   * False for a one-pass scan (the CLI): keep nothing but the findings, so memory does not grow
   * with the workspace. No results are cached for re-analysis, `fixFor` has nothing to build fixes
   * from, and `analyze` returns no units. True (the default) for the editor.
   */
  retain?: boolean;
  /**
   * Have `fixFor` answer even when `retain` is false: the CLI's JSON and SARIF reports carry each
   * finding's fix. Without `retain` each fix is built as its finding is made, and the template it
   * came from is not kept, so memory still does not grow with the workspace.
   */
  fixes?: boolean;
  /**
   * Told when a rule throws, with the exception and its stack, for the front end's log (the
   * editor's output channel, `srlens --verbose`). The crash itself becomes a `rule-error` finding
   * (while checking) or no fix (while building one) either way.
   */
  onRuleError?: RuleCrashHandler;
  /** Terraform evaluation: var files and `--var` inputs, and where files may be read (see eval-module.ts). */
  terraform?: TerraformEvaluationOptions;
  /**
   * Reads a nested stack's template (`TemplateURL: ./child.yaml`) for the engine, only inside the
   * roots the front end scans. Without it, only the files given to `analyze` are read.
   */
  readFile?: ReadFile;
  /**
   * Told, with `retain`, when what callers make of a used file changed: Terraform module folders
   * that an analysed module calls, templates that an analysed template nests (see callers.ts). The
   * editor shows their findings again.
   */
  onUsedFilesChanged?: (paths: string[]) => void;
  /** Today as `YYYY-MM-DD`, which suppression expiry dates are compared with (tests pass a fixed date); default: today in UTC. */
  today?: () => string;
  /**
   * The account's own settings from its last check (`.srlens/account.yaml`), read by the front end
   * and passed in only when recent enough; rules see it as `RuleContext.settings.account`.
   */
  account?: AccountFacts;
  /**
   * Called by `analyze` between two templates or Terraform modules (never before the first or
   * after the last): the CLI bounds its heap there (src/cli/heap.ts). The editor passes nothing.
   */
  betweenUnits?: () => void;
}

interface CacheEntry {
  key: string;
  /** The day the analysis was made on: suppressions expire, so another day is another analysis. */
  today?: string;
  analysis: Analysis;
  /** CloudFormation: the parse the analysis came from, the starting point of an incremental re-parse. */
  parse?: ParseResult;
  /** The nested stack templates the analysis read, and their text then: a change in one is a new analysis. */
  reads?: Map<string, string | undefined>;
}

/** What the engine keeps about a rule finding so that its fix can be built later, on demand. */
interface FindingOrigin {
  rule: Rule;
  report: RuleReport;
  resource: Resource;
  context: RuleContext;
}

interface UnitOrigin {
  rule: Rule;
  report: UnitReport;
  unit: IacUnit;
  context: RuleContext;
}

export class Analyzer {
  private readonly cloudFormationCache = new Map<string, CacheEntry>();
  private readonly terraformCache = new Map<string, CacheEntry>();
  private readonly rulesByType = new Map<string, Rule[]>();
  private readonly rulesForEveryType: Rule[] = [];
  /** The rules for a type and for every type, in that order, by type: made once per type met. */
  private readonly rulesForType = new Map<string, readonly Rule[]>();
  private readonly unitRules: Rule[] = [];
  private readonly origins = new WeakMap<Finding, FindingOrigin>();
  private readonly unitOrigins = new WeakMap<Finding, UnitOrigin>();
  /** With `fixes` and without `retain`: each fixable finding's fix, built when the finding was made. */
  private readonly builtFixes = new WeakMap<Finding, Fix | undefined>();
  private readonly rules: readonly Rule[];
  private config: SrlensConfig;
  private account: AccountFacts | undefined;
  private readonly retain: boolean;
  /** Keep each finding's origin, for `fixFor` to build its fix on demand (the editor). */
  private readonly keepOrigins: boolean;
  /** Build each fixable finding's fix at once and keep only the fix (the CLI's JSON and SARIF). */
  private readonly buildFixesNow: boolean;
  private readonly onRuleError: RuleCrashHandler | undefined;
  private readonly terraform: TerraformEvaluationOptions;
  /** During `analyze`: the `.tf` files given, by folder, for the local modules a module calls. */
  private givenModules: Map<string, SourceFile[]> | undefined;
  private readonly readFile: ReadFile | undefined;
  /** During `analyze`: the files given, which nested stacks are read from first, and their parses. */
  private given: Map<string, { text: string; parse?: ParseResult }> | undefined;
  /** What each Terraform module's analysis read besides its own files (var files, called modules). */
  private readonly terraformReads = new TerraformDependencies();
  /** With `retain`: what each analysed module or template found in the modules and templates it uses. */
  private readonly callers = new CallerIndex();
  private readonly onUsedFilesChanged: ((paths: string[]) => void) | undefined;
  private readonly betweenUnits: (() => void) | undefined;
  private readonly today: () => string;
  /** Each rule's resource types, so that a suppression naming a rule that cannot apply there can say so. */
  private readonly ruleTypes: Map<string, readonly string[]>;

  constructor(options: AnalyzerOptions = {}) {
    this.rules = options.rules ?? RULES;
    this.retain = options.retain ?? true;
    this.keepOrigins = this.retain;
    this.buildFixesNow = !this.retain && options.fixes === true;
    this.onRuleError = options.onRuleError;
    this.terraform = options.terraform ?? {};
    this.readFile = options.readFile;
    this.onUsedFilesChanged = options.onUsedFilesChanged;
    this.betweenUnits = options.betweenUnits;
    this.config = options.config ?? DEFAULT_CONFIG;
    this.today = options.today ?? (() => todayUtc());
    this.ruleTypes = new Map([...RULES, ...this.rules].map((rule) => [rule.id, rule.appliesTo]));
    this.account = options.account;
    this.indexRules();
  }

  /** Replaces the account's settings (or removes them); cached results are dropped because they depend on them. */
  setAccount(account: AccountFacts | undefined): void {
    this.account = account;
    this.cloudFormationCache.clear();
    this.terraformCache.clear();
  }

  /** Replaces the configuration; cached results are dropped because they depend on it. */
  setConfig(config: SrlensConfig): void {
    this.config = config;
    this.cloudFormationCache.clear();
    this.terraformCache.clear();
    this.indexRules();
  }

  /** Analyses one CloudFormation candidate file; YAML/JSON that is not a template yields nothing. */
  analyzeCloudFormation(path: string, text: string): Analysis {
    const cached = this.cloudFormationCache.get(path);
    const today = this.today();
    if (cached && cached.key === text && cached.today === today && this.unchanged(cached.reads)) return cached.analysis;
    // After an edit inside one resource of a YAML template, only that resource is parsed again.
    // A Terraform plan (`terraform show -json`) is recognised by its content, whatever its name.
    const parse = isTerraformPlanJson(text)
      ? parseTerraformPlan(path, text)
      : mayBeTemplate(text)
        ? ((cached?.parse && reparseYamlIncrementally(path, text, { text: cached.key, result: cached.parse })) ??
          parseCloudFormation(path, text))
        : undefined;
    const analysis = parse ? this.analyzeParsed(parse, new Map([[path, text]])) : { units: [], findings: [] };
    // Nested stacks are read from the files given to `analyze`, else through `readFile`; with neither, they stay opaque.
    const reads = parse && (this.readFile || this.given) ? this.withNestedStacks(parse, analysis) : undefined;
    if (this.retain) {
      this.cloudFormationCache.set(path, { key: text, today, analysis, parse, reads });
      this.usedFilesChanged(this.callers.recordTemplate(path, analysis.nested));
    }
    return analysis;
  }

  /** Analyses one Terraform module: all `.tf` files of one directory together. */
  async analyzeTerraformModule(dir: string, files: SourceFile[]): Promise<Analysis> {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const key = sorted.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');
    const cached = this.terraformCache.get(dir);
    const today = this.today();
    if (cached && cached.key === key && cached.today === today) return cached.analysis;
    try {
      await loadTerraformLanguage();
      await loadEvaluator();
    } catch (error) {
      // A broken installation (a missing or unreadable wasm file) is said on each file, and every
      // other file is still analysed. Nothing is cached: a later call tries to load again.
      return { units: [], findings: sorted.map((f) => grammarMissingFinding(f.path, error)) };
    }
    const given = this.givenModules;
    const host: TerraformEvaluationOptions = {
      ...this.terraform,
      keepTrees: this.retain,
      moduleFiles: async (moduleDir) => given?.get(moduleDir) ?? (await this.terraform.moduleFiles?.(moduleDir)),
    };
    // What the evaluation reads is remembered, so that a change there re-analyses this module.
    const tracked = this.retain ? this.terraformReads.track(dir, host) : undefined;
    const evaluated = await evaluateTerraformModule(
      parseTerraformModule(dir, sorted, { keepTree: this.retain }),
      new Map(sorted.map((f) => [f.path, f.text])),
      tracked?.host ?? host,
    );
    tracked?.commit();
    const analysis = { ...this.analyzeParsed(evaluated.parse, evaluated.texts), calledModules: evaluated.calledDirs };
    // Where a value came from, when elsewhere (a local, a var file, the caller's argument).
    for (const finding of [...analysis.findings, ...(analysis.suppressed ?? []).map((s) => s.finding)]) {
      if (!finding.resource) continue;
      const related = evaluated.originsOf(finding.resource, finding.file, finding.range);
      if (related.length > 0) finding.related = related;
    }
    if (this.retain) {
      this.terraformCache.set(dir, { key, today, analysis });
      this.usedFilesChanged(this.callers.recordModule(dir, analysis));
    }
    // A one-pass scan never comes back to a module: release its parses and syntax trees now.
    else for (const file of sorted) forgetTerraformFile(file.path);
    return analysis;
  }

  /** Analyses a set of files: CloudFormation file by file, Terraform grouped into modules by directory. */
  async analyze(files: SourceFile[]): Promise<Analysis> {
    const units: IacUnit[] = [];
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    const peerNotes: PeerNote[] = [];
    let unitCount = 0;
    let analysed = 0;
    const nested: NestedInstance[] = [];
    const modules = new Map<string, SourceFile[]>();
    const plans = new Set<string>();
    this.given = new Map(files.map((f) => [f.path, { text: f.text }]));
    for (const file of files) {
      const kind = sourceKindOf(file.path);
      if (kind === 'cloudformation') {
        if (analysed++ > 0) this.betweenUnits?.();
        if (isTerraformPlanJson(file.text)) plans.add(file.path);
        const result = this.analyzeCloudFormation(file.path, file.text);
        unitCount += result.units.length;
        if (this.retain) units.push(...result.units);
        findings.push(...result.findings);
        suppressed.push(...(result.suppressed ?? []));
        peerNotes.push(...(result.peerNotes ?? []));
        nested.push(...(result.nested ?? []));
      } else if (kind === 'terraform') {
        const dir = moduleDirOf(file.path);
        const list = modules.get(dir) ?? [];
        list.push(file);
        modules.set(dir, list);
      }
    }
    // Only while the synchronous loop above runs, so that no other call on this analyzer reads them.
    this.given = undefined;
    this.givenModules = modules;
    // Only what the combination below reads is kept of each module: without `retain`, a module's
    // model is released as soon as its findings are made (a large scan's peak memory).
    const terraform: { dir: string; analysis: Pick<Analysis, 'findings' | 'calledModules'> }[] = [];
    const blocks: ModuleBlocks[] = [];
    try {
      for (const [dir, moduleFiles] of modules) {
        if (analysed++ > 0) this.betweenUnits?.();
        const result = await this.analyzeTerraformModule(dir, moduleFiles);
        unitCount += result.units.length;
        if (this.retain) units.push(...result.units);
        terraform.push({ dir, analysis: { findings: result.findings, calledModules: result.calledModules } });
        if (plans.size > 0) blocks.push(moduleBlocks(dir, result.units));
        suppressed.push(...(result.suppressed ?? []));
        peerNotes.push(...(result.peerNotes ?? []));
      }
    } finally {
      this.givenModules = undefined;
    }
    findings.push(...combineModuleFindings(terraform));
    if (plans.size > 0) {
      const called = new Set(terraform.flatMap((t) => t.analysis.calledModules ?? []));
      const roots = blocks.filter((b) => !called.has(b.dir));
      linkPlanFindings(findings, plans, roots);
    }
    const combined = onceEach(combineNestedFindings(findings, nested));
    combined.sort(compareFindings);
    return { units, findings: combined, suppressed, unitCount, ...(peerNotes.length > 0 ? { peerNotes } : {}) };
  }

  /**
   * The quick fix for a finding this analyzer produced, built on demand; undefined when there is
   * none, or when the rule's fix throws (the crash is logged through `onRuleError`).
   */
  fixFor(finding: Finding): Fix | undefined {
    if (this.builtFixes.has(finding)) return this.builtFixes.get(finding);
    const unitOrigin = this.unitOrigins.get(finding);
    if (unitOrigin) return this.unitFix(unitOrigin);
    const origin = this.origins.get(finding);
    return origin ? this.resourceFix(origin) : undefined;
  }

  private unitFix({ rule, report, unit, context }: UnitOrigin): Fix | undefined {
    if (!rule.fixUnit || report.fixable === false) return undefined;
    const fix = this.guarded(
      { ruleId: rule.id, phase: 'fixUnit', subject: report.subject ?? unitName(unit), file: report.file },
      () => rule.fixUnit?.(report, unit, context),
    );
    return fix && fix.edits.length > 0 ? fix : undefined;
  }

  private resourceFix({ rule, report, resource, context }: FindingOrigin): Fix | undefined {
    if (!rule.fix || report.fixable === false || resource.generatedBy) return undefined;
    const fix = this.guarded({ ruleId: rule.id, phase: 'fix', subject: resource.id, file: resource.file }, () =>
      rule.fix?.(report, resource, context),
    );
    return fix && fix.edits.length > 0 ? fix : undefined;
  }

  /**
   * The findings to show in the files of an analysis of one template or one module, as `srlens scan`
   * would report them with every caller the analyzer has seen: a called module's or a nested
   * template's own findings combined with what its callers make of it (callers.ts).
   */
  findingsToShow(analysis: Analysis, files: readonly string[]): Finding[] {
    const first = files.at(0);
    if (first === undefined) return analysis.findings;
    return sourceKindOf(first) === 'terraform'
      ? this.callers.moduleView(moduleDirOf(first), analysis)
      : this.callers.templateView(first, analysis.findings);
  }

  /** A template or module folder was deleted: what it made of the files it used is forgotten. */
  forgetCaller(path: string): void {
    this.usedFilesChanged(this.callers.forget(path));
  }

  private usedFilesChanged(paths: string[]): void {
    if (paths.length > 0) this.onUsedFilesChanged?.(paths);
  }

  /** Forgets cached results for a file (and its Terraform module). */
  forget(path: string): void {
    this.cloudFormationCache.delete(path);
    this.terraformCache.delete(moduleDirOf(path));
  }

  /**
   * Analyses the instances of the template's nested stacks that name a file: their findings go to
   * `analysis.nested`, what is not expanded to `analysis.findings`. Returns the files read.
   */
  private withNestedStacks(parse: ParseResult, analysis: Analysis): Map<string, string | undefined> | undefined {
    const expansion = expandNestedStacks(
      parse,
      {
        read: (file) => this.given?.get(file)?.text ?? (this.readFile ? this.readFile(file) : { refused: NOT_GIVEN }),
        parse: (file, text) => {
          const given = this.given?.get(file);
          const cached = this.cloudFormationCache.get(file);
          if (given?.text === text) return (given.parse ??= parseCloudFormation(file, text));
          return cached?.key === text && cached.parse ? cached.parse : parseCloudFormation(file, text);
        },
        configure: (findings) => this.applyConfig(findings),
        check: (unit, file, text) =>
          this.analyzeParsed({ units: [unit], diagnostics: [] }, new Map([[file, text]])).findings,
      },
      analysis.findings,
    );
    if (expansion.findings.length > 0) {
      analysis.findings.push(...expansion.findings);
      analysis.findings.sort(compareFindings);
    }
    if (expansion.instances.length > 0) analysis.nested = expansion.instances;
    return expansion.reads.size > 0 ? expansion.reads : undefined;
  }

  /** Whether the nested stack templates an analysis read still read the same. */
  private unchanged(reads: Map<string, string | undefined> | undefined): boolean {
    if (!reads) return true;
    for (const [file, text] of reads) {
      const now = this.given?.get(file)?.text ?? this.readFile?.(file);
      if ((typeof now === 'string' ? now : undefined) !== text) return false;
    }
    return true;
  }

  /**
   * A file that Terraform modules read besides their own `.tf` files changed (a var file, a file
   * of a module they call): forgets their cached results and returns their folders, to analyse again.
   */
  forgetTerraformDependents(path: string): string[] {
    const dirs = this.terraformReads.dependents(path);
    for (const dir of dirs) this.terraformCache.delete(dir);
    return dirs;
  }

  private indexRules(): void {
    this.rulesByType.clear();
    this.rulesForType.clear();
    this.rulesForEveryType.length = 0;
    this.unitRules.length = 0;
    // `controls:` in .srlens.yaml (or `srlens scan --controls`): only the rules that check them.
    const selected = this.config.controls?.length
      ? rulesCheckingControls(parseControlSelection(this.config.controls).controls, this.rules)
      : undefined;
    for (const rule of this.rules) {
      if (this.config.rules[rule.id] === 'off') continue;
      if (selected && !selected.has(rule.id)) continue;
      if (rule.checkUnit) this.unitRules.push(rule);
      for (const type of rule.appliesTo) {
        if (type === ALL_TYPES) {
          this.rulesForEveryType.push(rule);
          continue;
        }
        const list = this.rulesByType.get(type) ?? [];
        list.push(rule);
        this.rulesByType.set(type, list);
      }
    }
  }

  private analyzeParsed(parsed: ParseResult, texts: Map<string, string>): Analysis {
    let findings = parsed.diagnostics.map(parseErrorFinding);
    const settings = { requiredTags: this.config.requiredTags, account: this.account };
    const text = (file: string) => texts.get(file);
    for (const unit of parsed.units) {
      const context = createRuleContext(unit, settings, text);
      // A generated resource repeats values of the one it comes from (a SAM function's role and
      // URL): what both report (same rule, same range) is reported once, on the resource as written.
      // Only a unit with generated resources needs to remember what each resource reported.
      const generates = unit.resources.some((r) => r.generatedFrom !== undefined);
      let reported: Map<string, Set<string>> | undefined;
      for (const resource of unit.resources) {
        if (resource.generatedFrom === undefined) {
          const start = findings.length;
          this.checkResource(resource, context, findings);
          if (generates && findings.length > start) {
            reported ??= new Map();
            const keys = reported.get(resource.id) ?? new Set();
            for (let i = start; i < findings.length; i++) keys.add(repeatKey(findings[i]));
            reported.set(resource.id, keys);
          }
          continue;
        }
        const own: Finding[] = [];
        this.checkResource(resource, context, own);
        const repeated = reported?.get(resource.generatedFrom);
        for (const finding of own) if (!repeated?.has(repeatKey(finding))) findings.push(finding);
      }
      for (const rule of this.unitRules) this.checkUnit(rule, unit, context, findings);
    }
    const suppressions: Suppression[] = [...texts].flatMap(([file, content]) => commentSuppressions(file, content));
    for (const unit of parsed.units) suppressions.push(...metadataSuppressions(unit));
    const peerNotes: PeerNote[] = [];
    if (this.config.peerSuppressions !== false) {
      const peers = [
        ...[...texts].map(([file, content]) => peerCommentSuppressions(file, content)),
        ...parsed.units.map(peerMetadataSuppressions),
      ];
      for (const peer of peers) {
        suppressions.push(...peer.suppressions);
        peerNotes.push(...peer.notes);
      }
    }
    suppressions.push(...(this.config.suppressions ?? []));
    const suppressed: SuppressedFinding[] = [];
    findings = applySuppressions(
      findings,
      suppressions,
      parsed.units.flatMap((u) => u.resources),
      suppressed,
      { today: this.today(), ruleTypes: this.ruleTypes },
    );
    findings = this.applyConfig(findings);
    findings.sort(compareFindings);
    return { units: parsed.units, findings, suppressed, ...(peerNotes.length > 0 ? { peerNotes } : {}) };
  }

  private checkUnit(rule: Rule, unit: IacUnit, context: RuleContext, into: Finding[]): void {
    let reports: UnitReport[];
    let messages: Headline[];
    try {
      reports = rule.checkUnit?.(unit, context) ?? [];
      messages = reports.map((report) => headlineOf(rule, 'customer', report));
    } catch (error) {
      // A crash is reported, never a silently missing check; the other rules still run.
      const finding = unitRuleErrorFinding(rule, unit);
      this.report({ ruleId: rule.id, phase: 'checkUnit', subject: unitName(unit), file: finding.file, error });
      into.push(finding);
      return;
    }
    reports.forEach((report, index) => {
      const finding: Finding = {
        ruleId: rule.id,
        severity: report.severity ?? rule.severity,
        concern: rule.concern,
        owner: 'customer',
        tier: 'unclassified',
        service: '',
        resource: report.subject ?? '',
        resourceType: '',
        file: report.file,
        range: report.range,
        ...messages[index],
        fixable: rule.fixUnit !== undefined && report.fixable !== false,
      };
      if (this.keepOrigins) this.unitOrigins.set(finding, { rule, report, unit, context });
      else if (this.buildFixesNow && finding.fixable)
        this.builtFixes.set(finding, this.unitFix({ rule, report, unit, context }));
      into.push(finding);
    });
  }

  private checkResource(resource: Resource, context: RuleContext, into: Finding[]): void {
    let rules = this.rulesForType.get(resource.type);
    if (!rules) {
      rules = [...(this.rulesByType.get(resource.type) ?? []), ...this.rulesForEveryType];
      // Types come from the text: a template of thousands of made-up types is not remembered.
      if (this.rulesForType.size < MAX_REMEMBERED_TYPES) this.rulesForType.set(resource.type, rules);
    }
    const tier = resource.tier;
    for (const rule of rules) {
      let reports: RuleReport[];
      let messages: Headline[];
      // Most checks report nothing: the owner is looked up only for those that do.
      let owner: Finding['owner'];
      try {
        reports = rule.check(resource, context);
        if (reports.length === 0) continue;
        const found = customerSide(ownershipFor(tier, rule.concern, resource.type).owner);
        owner = found;
        messages = reports.map((report) => headlineOf(rule, found, report, resource));
      } catch (error) {
        owner = customerSide(ownershipFor(tier, rule.concern, resource.type).owner);
        // A crash is reported, never a silently missing check; the other rules still run.
        this.report({ ruleId: rule.id, phase: 'check', subject: resource.id, file: resource.file, error });
        into.push(resourceRuleErrorFinding(rule, resource, owner));
        continue;
      }
      reports.forEach((report, index) => {
        const finding: Finding = {
          ruleId: rule.id,
          severity: report.severity ?? rule.severity,
          concern: rule.concern,
          owner,
          tier,
          service: resource.service,
          resource: resource.id,
          resourceType: resource.type,
          file: resource.file,
          range: report.range,
          ...messages[index],
          // A generated resource's fix would edit the text every instance shares.
          fixable: rule.fix !== undefined && report.fixable !== false && !resource.generatedBy,
        };
        if (this.keepOrigins) this.origins.set(finding, { rule, report, resource, context });
        else if (this.buildFixesNow && finding.fixable)
          this.builtFixes.set(finding, this.resourceFix({ rule, report, resource, context }));
        into.push(finding);
      });
    }
  }

  /** Runs a rule's fix; a throw yields no fix and goes to the log. */
  private guarded<T>(crash: Omit<RuleCrash, 'error'>, build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      this.report({ ...crash, error });
      return undefined;
    }
  }

  /** Hands a crash to the front end's log; a log that throws itself is ignored. */
  private report(crash: RuleCrash): void {
    try {
      this.onRuleError?.(crash);
    } catch {
      // Logging must never turn one crash into two.
    }
  }

  /** Severity overrides and the minimum severity from `.srlens.yaml`. */
  private applyConfig(findings: Finding[]): Finding[] {
    const { rules, minimumSeverity } = this.config;
    const result: Finding[] = [];
    for (const finding of findings) {
      const setting = rules[finding.ruleId] as RuleSetting | undefined;
      if (setting === 'off') continue;
      if (setting && setting !== finding.severity) {
        const changed = { ...finding, severity: setting };
        const origin = this.origins.get(finding);
        if (origin) this.origins.set(changed, origin);
        const unitOrigin = this.unitOrigins.get(finding);
        if (unitOrigin) this.unitOrigins.set(changed, unitOrigin);
        if (this.builtFixes.has(finding)) this.builtFixes.set(changed, this.builtFixes.get(finding));
        if (severityAtLeast(changed.severity, minimumSeverity)) result.push(changed);
      } else if (severityAtLeast(finding.severity, minimumSeverity)) {
        result.push(finding);
      }
    }
    return result;
  }
}

/** An analyzer without rules, kept for its shape (iac/shapes.ts): tests and benchmarks make many. */
keepShape(new Analyzer({ rules: [], retain: false }));

/** A Terraform file that cannot be analysed because the grammar did not load. */
function grammarMissingFinding(file: string, error: unknown): Finding {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return parseErrorFinding({
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    message: `The Terraform parser could not be loaded, so this file is not analysed. Loading it failed: ${reason}. Reinstalling srlens or the extension restores it.`,
  });
}

/** How many resource types an analyzer remembers the rules of. */
const MAX_REMEMBERED_TYPES = 4096;

/** Why a nested stack's template is not read when the analyzer reads only the files it is given. */
const NOT_GIVEN = 'it is not among the files analysed';

/** A finding's rule and range: what a generated resource and the one it repeats can both report. */
function repeatKey(finding: Finding): string {
  const { start, end } = finding.range;
  return `${finding.ruleId}\u0000${start.line}:${start.character}:${end.line}:${end.character}`;
}

/**
 * A `.srlens.yaml` suppression expiring soon is reported by each template it applies in: once is
 * enough.
 */
function onceEach(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.ruleId !== SUPPRESSION_EXPIRING_RULE_ID) return true;
    const k = `${f.file}\u0000${f.range.start.line}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** How a log names a template or module. */
function unitName(unit: IacUnit): string {
  return unit.kind === 'cloudformation' ? unit.file : unit.dir;
}

/** A finding is raised on the customer's side of the model: what AWS owns alone is never the author's to fix. */
function customerSide(owner: 'aws' | 'customer' | 'shared'): 'customer' | 'shared' {
  return owner === 'aws' ? 'shared' : owner;
}

/**
 * A report's headline, `Owner · Concern: what, where`, and its detail. A resource a loop or a
 * transform wrote out is named in front when the headline does not name it; its CDK construct
 * path goes to the detail.
 */
function headlineOf(
  rule: Rule,
  owner: Finding['owner'],
  report: RuleReport | UnitReport,
  resource?: Resource,
): Headline {
  const named = resource?.generatedBy ? `${resource.id}: ` : '';
  const room = HEADLINE_LIMIT - headlinePrefix(owner, rule.concern).length - named.length;
  const { headline, detail, whole } = renderReport(rule.messages, report, room);
  const name = named && !whole.includes(`'${resource!.id}'`) ? named : '';
  const construct = resource?.constructPath ? `(CDK construct ${resource.constructPath})` : undefined;
  return composeHeadline(owner, rule.concern, name + headline, joinSentences(detail, construct), name + whole);
}
