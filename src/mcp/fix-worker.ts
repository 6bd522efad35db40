/**
 * The `fix` tool's work, in a worker thread (`dist/mcp-fix.js`) that the server stops when the
 * time is up: reads the file (and, for Terraform, the other `.tf` files of its module), applies
 * every auto-fix with the engine's fix-all, and posts back each changed file's text before and
 * after. It writes nothing; the server does, when it was started with `--allow-write`.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer, type SourceFile } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, parseConfig, DEFAULT_CONFIG } from '../engine/config';
import { fixAllInFile } from '../engine/fix-all';
import { moduleDirOf, sourceKindOf } from '../iac/detect';
import { readSource } from '../cli/files';
import { isInside } from './roots';

export interface FixJob {
  /** Real path of the file to fix. */
  target: string;
  /** Real path of the root it lies in (its `.srlens.yaml` applies). */
  root: string;
  roots: string[];
  maxFileSize: number;
}

export interface FixJobResult {
  applied: string[];
  remaining: number;
  files: { file: string; before: string; after: string }[];
}

class JobRefusal extends Error {}

function read(file: string, roots: string[], maxFileSize: number): string {
  const real = realpathSync(file);
  if (!roots.some((root) => isInside(root, real))) throw new JobRefusal(`'${file}' is a link to outside the roots.`);
  const result = readSource(real, maxFileSize);
  if (!result.ok) throw new JobRefusal(`cannot read '${file}': ${result.message}`);
  return result.text;
}

export async function runFixJob(job: FixJob): Promise<FixJobResult> {
  const kind = sourceKindOf(job.target);
  if (!kind) throw new JobRefusal(`'${job.target}' is neither a CloudFormation template nor a Terraform file.`);
  let config = DEFAULT_CONFIG;
  const configFile = path.join(job.root, CONFIG_FILE_NAME);
  if (existsSync(configFile)) {
    const text = read(configFile, job.roots, job.maxFileSize);
    config = parseConfig(configFile, text, new Set(ruleMetadata().map((r) => r.id))).config;
  }
  const files: SourceFile[] = [];
  if (kind === 'terraform') {
    const dir = moduleDirOf(job.target);
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (sourceKindOf(name) === 'terraform' && name.endsWith('.tf') && realpathSync(full) !== job.target)
        files.push({ path: full, text: read(full, job.roots, job.maxFileSize) });
    }
  }
  files.unshift({ path: job.target, text: read(job.target, job.roots, job.maxFileSize) });
  const analyzer = new Analyzer({ config });
  const result = await fixAllInFile(analyzer, job.target, files);
  const before = new Map(files.map((f) => [f.path, f.text]));
  return {
    applied: result.applied,
    remaining: result.remaining,
    files: [...result.changed].map(([file, after]) => ({ file, before: before.get(file) ?? '', after })),
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  runFixJob(workerData as FixJob).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        refused: error instanceof JobRefusal,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
}
