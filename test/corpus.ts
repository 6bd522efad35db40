/** The shared real-world corpus (../shared/corpus): read by tests, never copied into the repository. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sourceKindOf } from '../src/iac/detect';

export const CORPUS = path.resolve(process.cwd(), '..', 'shared', 'corpus');

/** Every file under `dir` the engine would analyse (CloudFormation or Terraform by name), sorted. */
export function corpusFiles(dir = CORPUS, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) corpusFiles(full, found);
    else if (sourceKindOf(name)) found.push(full);
  }
  return found;
}
