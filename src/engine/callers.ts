/**
 * What the editor shows for a file that other files use: a Terraform module folder that analysed
 * modules call, or a template that analysed templates nest as a stack. The CLI sees every file at
 * once and combines the analyses in `Analyzer.analyze`; the editor analyses one module or template
 * at a time, so it remembers what each caller's analysis found in the files it uses, and combines
 * that with the used file's own analysis by the same rules (`combineModuleFindings`,
 * `combineNestedFindings`): a problem that every caller overrides is not shown, one that comes
 * through several calls is shown once, and a file nobody is known to use keeps its own analysis.
 *
 * Only findings are kept (no parses), so the index stays small when the workspace scan forgets
 * the parses of files nobody has open.
 */
import { moduleDirOf } from '../iac/detect';
import { combineModuleFindings } from '../iac/terraform/eval-combine';
import type { Finding } from './finding';
import { combineNestedFindings, type NestedInstance } from './nested-stacks';

interface ModuleEntry {
  /** Folders this module calls, at any depth. */
  called: string[];
  /** Its findings in files outside its own folder (in the modules it calls). */
  findings: Finding[];
}

/** Enough of a finding to tell whether what a caller found in a file has changed. */
function findingKey(f: Finding): string {
  const { start, end } = f.range;
  return [f.ruleId, f.file, start.line, start.character, end.line, end.character, f.resource, f.message].join('\u0001');
}

function keyOf(findings: readonly Finding[]): string {
  return findings.map(findingKey).sort().join('\u0002');
}

export class CallerIndex {
  private readonly modules = new Map<string, ModuleEntry>();
  private readonly templates = new Map<string, NestedInstance[]>();

  /**
   * Records what a Terraform module's analysis found in the folders it calls; returns the folders
   * for which that changed (their view is different now).
   */
  recordModule(dir: string, analysis: { findings: readonly Finding[]; calledModules?: string[] }): string[] {
    const before = this.modules.get(dir);
    const called = analysis.calledModules ?? [];
    const entry: ModuleEntry = { called, findings: analysis.findings.filter((f) => moduleDirOf(f.file) !== dir) };
    if (called.length === 0) this.modules.delete(dir);
    else this.modules.set(dir, entry);
    const touched = new Set([...(before?.called ?? []), ...called]);
    return [...touched].filter(
      (child) =>
        keyOf((before?.findings ?? []).filter((f) => moduleDirOf(f.file) === child)) !==
          keyOf(entry.findings.filter((f) => moduleDirOf(f.file) === child)) ||
        before?.called.includes(child) !== called.includes(child),
    );
  }

  /** Records a template's nested stack instances; returns the child files whose view changed. */
  recordTemplate(file: string, instances: readonly NestedInstance[] | undefined): string[] {
    const before = this.templates.get(file) ?? [];
    const after = instances ?? [];
    if (after.length === 0) this.templates.delete(file);
    else this.templates.set(file, [...after]);
    const children = new Set([...before, ...after].map((i) => i.file));
    const of = (list: readonly NestedInstance[], child: string) =>
      keyOf(list.filter((i) => i.file === child).flatMap((i) => i.findings)) +
      `\u0003${list.filter((i) => i.file === child).length}`;
    return [...children].filter((child) => of(before, child) !== of(after, child));
  }

  /** Forgets a caller that no longer exists (a deleted file or folder). */
  forget(path: string): string[] {
    const changed: string[] = [];
    const module = this.modules.get(path);
    if (module) {
      this.modules.delete(path);
      changed.push(...module.called);
    }
    const template = this.templates.get(path);
    if (template) {
      this.templates.delete(path);
      changed.push(...template.map((i) => i.file));
    }
    return [...new Set(changed)];
  }

  /** Whether some recorded module calls this folder. */
  isCalled(dir: string): boolean {
    for (const entry of this.modules.values()) if (entry.called.includes(dir)) return true;
    return false;
  }

  /** Whether some recorded template nests this file. */
  isNested(file: string): boolean {
    for (const instances of this.templates.values()) if (instances.some((i) => i.file === file)) return true;
    return false;
  }

  /**
   * The findings to show in the files of module `dir`, given its own analysis: as `srlens scan`
   * reports them with every recorded caller scanned too.
   */
  moduleView(dir: string, own: { findings: Finding[]; calledModules?: string[] }): Finding[] {
    if (!this.isCalled(dir)) return own.findings;
    const results: { dir: string; analysis: { findings: Finding[]; calledModules?: string[] } }[] = [...this.modules]
      .filter(([caller]) => caller !== dir)
      .map(([caller, entry]) => ({ dir: caller, analysis: { findings: entry.findings, calledModules: entry.called } }));
    results.push({ dir, analysis: own });
    return combineModuleFindings(results).filter((f) => moduleDirOf(f.file) === dir);
  }

  /** The findings to show in template `file`, given its own: with the instances its parents make of it. */
  templateView(file: string, own: Finding[]): Finding[] {
    if (!this.isNested(file)) return own;
    const instances = [...this.templates].filter(([parent]) => parent !== file).flatMap(([, list]) => list);
    return combineNestedFindings(own, instances).filter((f) => f.file === file);
  }
}
