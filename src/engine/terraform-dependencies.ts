/**
 * What each Terraform module's analysis read besides its own `.tf` files: var files
 * (`terraform.tfvars`, `*.auto.tfvars`, the user's), the folders it listed to find them, and the
 * folders of the local modules it called (recursively). The analysis cache is keyed by the
 * module's own files only, so when one of these changes the editor asks `dependents(path)` which
 * modules to analyse again, open or not.
 *
 * Only paths are kept (a few per module), and they outlive the cached analyses: a module the
 * workspace scan analysed and then forgot is still found as a dependent.
 */
import { moduleDirOf } from '../iac/detect';
import type { TerraformEvaluationOptions } from '../iac/terraform/eval-module';

interface Reads {
  /** Files read (or sized): var files. */
  files: Set<string>;
  /** Folders listed or read whole: the module's own (its automatic var files), called modules'. */
  dirs: Set<string>;
}

export class TerraformDependencies {
  private readonly byModule = new Map<string, Reads>();

  /**
   * The host, recording what the analysis of `dir` reads; `commit()` replaces what was recorded
   * for `dir` before (so a dependency that is gone stops counting).
   */
  track(dir: string, host: TerraformEvaluationOptions): { host: TerraformEvaluationOptions; commit(): void } {
    const reads: Reads = { files: new Set(), dirs: new Set() };
    const tracked: TerraformEvaluationOptions = {
      inputs: host.inputs,
      readFile: host.readFile && ((file) => (reads.files.add(file), host.readFile!(file))),
      fileSize: host.fileSize && ((file) => (reads.files.add(file), host.fileSize!(file))),
      listFiles: host.listFiles && ((folder) => (reads.dirs.add(folder), host.listFiles!(folder))),
      moduleFiles: host.moduleFiles && ((folder) => (reads.dirs.add(folder), host.moduleFiles!(folder))),
    };
    return { host: tracked, commit: () => this.byModule.set(dir, reads) };
  }

  /** The module folders whose analysis read `path`, or listed or called the folder it is in. */
  dependents(path: string): string[] {
    const folder = moduleDirOf(path);
    const found: string[] = [];
    const ownSource = path.toLowerCase().endsWith('.tf');
    for (const [dir, reads] of this.byModule) {
      // A module's own `.tf` files are its text, not something it read: edits to them count already.
      if (ownSource && dir === folder) continue;
      if (reads.files.has(path) || reads.dirs.has(folder) || reads.dirs.has(path)) found.push(dir);
    }
    return found;
  }

  clear(): void {
    this.byModule.clear();
  }
}
