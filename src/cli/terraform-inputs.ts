/**
 * `srlens scan --var-file F --var name=value`: the Terraform inputs the user names, in the order
 * given, and the file access the evaluator gets. It reads only inside the scanned paths (the
 * automatic `terraform.tfvars` and `*.auto.tfvars` of a scanned module) and the var files named on
 * the command line; symbolic links are followed to where they lead before that check.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TerraformEvaluationOptions, TerraformInput } from '../iac/terraform/eval-module';

export class TerraformInputError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The `--var-file` and `--var` options of a parsed command line, in the order they were given. */
export function terraformInputs(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  cwd: string,
): TerraformInput[] {
  const inputs: TerraformInput[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'var-file') {
      const file = path.resolve(cwd, token.value);
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch {
        throw new TerraformInputError(`cannot read var file '${token.value}'`);
      }
      inputs.push({ file });
    } else if (token.name === 'var') {
      const equals = token.value.indexOf('=');
      const name = equals === -1 ? '' : token.value.slice(0, equals);
      if (!NAME.test(name))
        throw new TerraformInputError(`--var needs name=value with a variable name, got '${token.value}'`);
      inputs.push({ name, value: token.value.slice(equals + 1) });
    }
  }
  return inputs;
}

function real(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function inside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Largest `.tf` file read from a called module's folder that the scan did not list. */
const MAX_MODULE_FILE_BYTES = 5 * 1024 * 1024;

/** The evaluator's access to files: the scanned roots and the named var files, nothing else. */
export function terraformHost(roots: string[], inputs: TerraformInput[]): TerraformEvaluationOptions {
  const realRoots = roots.map((r) => real(r)).filter((r): r is string => r !== undefined);
  const named = new Set(inputs.flatMap((i) => ('file' in i ? [real(i.file) ?? i.file] : [])));
  const allowed = (p: string): string | undefined => {
    const resolved = real(p);
    if (!resolved) return undefined;
    return named.has(resolved) || realRoots.some((root) => inside(resolved, root)) ? resolved : undefined;
  };
  return {
    inputs,
    async readFile(file) {
      const resolved = allowed(file);
      if (!resolved) return undefined;
      try {
        return readFileSync(resolved, 'utf8');
      } catch {
        return undefined;
      }
    },
    async fileSize(file) {
      const resolved = allowed(file);
      if (!resolved) return undefined;
      try {
        return statSync(resolved).size;
      } catch {
        return undefined;
      }
    },
    // A called module's folder that the scan did not list: a registry or git module that
    // `terraform init` downloaded into `.terraform/modules/`, or an ignored local one.
    async moduleFiles(dir) {
      const resolved = allowed(dir);
      if (!resolved) return undefined;
      try {
        const files: { path: string; text: string }[] = [];
        for (const entry of readdirSync(resolved, { withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.tf')) continue;
          const file = path.join(resolved, entry.name);
          if (statSync(file).size > MAX_MODULE_FILE_BYTES) continue;
          files.push({ path: path.join(dir, entry.name), text: readFileSync(file, 'utf8') });
        }
        return files;
      } catch {
        return undefined;
      }
    },
    async listFiles(dir) {
      const resolved = allowed(dir);
      if (!resolved) return undefined;
      try {
        return readdirSync(resolved, { withFileTypes: true })
          .filter((entry) => entry.isFile() || entry.isSymbolicLink())
          .map((entry) => entry.name);
      } catch {
        return undefined;
      }
    },
  };
}
