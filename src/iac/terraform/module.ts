/**
 * Module assembly: `parseTerraformModule` combines the `.tf` files of one directory into one
 * `TerraformModule` and reports what Terraform rejects across files (the same address declared twice).
 */
import type { ParseDiagnostic, ParseResult, Range, TerraformModule } from '../model';
import { parseTerraformFile, type TerraformParseOptions } from './cache';
import { requireParser } from './loader';
import { emptyModule } from './converter';

/**
 * Combines the `.tf` files of one directory into one module (files in path order, as Terraform
 * reads them in name order). Throws only if the grammar is not loaded.
 */
export function parseTerraformModule(
  dir: string,
  files: { path: string; text: string }[],
  options: TerraformParseOptions = {},
): ParseResult {
  requireParser();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const module = emptyModule(
    dir,
    ordered.map((f) => f.path),
  );
  const diagnostics: ParseDiagnostic[] = [];
  for (const { path, text } of ordered) {
    const parse = parseTerraformFile(path, text, options);
    module.resources.push(...parse.resources);
    module.dataSources.push(...parse.dataSources);
    module.providers.push(...parse.providers);
    module.variables.push(...parse.variables);
    module.locals.push(...parse.locals);
    module.moduleCalls.push(...parse.moduleCalls);
    module.outputs.push(...parse.outputs);
    diagnostics.push(...parse.diagnostics);
  }
  diagnostics.push(...duplicateDeclarations(module));
  return { units: ordered.length > 0 ? [module] : [], diagnostics };
}

/** Terraform rejects a module that declares the same address twice; so do we. */
function duplicateDeclarations(module: TerraformModule): ParseDiagnostic[] {
  const diagnostics: ParseDiagnostic[] = [];
  const check = (what: string, items: { name: string; file: string; range: Range }[]) => {
    const seen = new Map<string, { file: string; range: Range }>();
    for (const item of items) {
      const first = seen.get(item.name);
      if (!first) {
        seen.set(item.name, item);
        continue;
      }
      diagnostics.push({
        file: item.file,
        range: item.range,
        severity: 'error',
        message: `Duplicate ${what} "${item.name}": already declared in ${baseName(first.file)} on line ${first.range.start.line + 1}.`,
      });
    }
  };
  check(
    'resource',
    module.resources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })),
  );
  check(
    'data source',
    module.dataSources.map((r) => ({ name: r.id, file: r.file, range: r.idRange })),
  );
  check(
    'variable',
    module.variables.map((v) => ({ name: v.name, file: v.file, range: v.labelRange })),
  );
  check(
    'module call',
    module.moduleCalls.map((m) => ({ name: m.name, file: m.file, range: m.labelRange })),
  );
  // Outputs keep no label range: point at the `output` keyword rather than the whole block.
  const keyword = (r: Range): Range => ({
    start: r.start,
    end: { line: r.start.line, character: r.start.character + 'output'.length },
  });
  check(
    'output',
    module.outputs.map((o) => ({ name: o.name, file: o.file, range: keyword(o.range) })),
  );
  return diagnostics;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
