/**
 * `srlens matrix`: the responsibility stack of the given paths (engine/stack.ts) as an SVG picture
 * or as Markdown, on stdout or in a file. main.ts reads and analyses the files as for every
 * command; this module parses the options and renders.
 */
import { parseArgs } from 'node:util';
import type { Analysis } from '../engine/analyzer';
import { buildMatrix } from '../engine/matrix';
import { buildStack, stackScope } from '../engine/stack';
import { stackMarkdown, stackSvg } from '../engine/stack-export';

export const MATRIX_HELP = `  srlens matrix [paths...]     The responsibility stack: who owns each concern, per tier, with counts
      --format svg|markdown        Output format (default: markdown)
      --out <file>                 Write to a file instead of standard output
      --config <file>              Configuration (default: ./.srlens.yaml)`;

export interface MatrixOptions {
  format: 'svg' | 'markdown';
  paths: string[];
  out?: string;
  config?: string;
}

export class MatrixUsageError extends Error {}

export function parseMatrixArgs(args: string[]): MatrixOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      out: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'svg' && format !== 'markdown')
    throw new MatrixUsageError(`--format must be one of svg, markdown (got '${format}').`);
  return { format, paths: positionals, out: values.out, config: values.config };
}

/** The stack of an analysis, rendered; `where` names the paths read, `displayPath` shows a file. */
export function renderMatrix(
  options: MatrixOptions,
  analysis: Analysis,
  displayPath: (file: string) => string,
): string {
  const matrix = buildMatrix([analysis]);
  const stack = buildStack(matrix);
  const where = options.paths.length > 0 ? options.paths.join(', ') : '.';
  const exportOptions = { scope: stackScope(stack, where), displayPath };
  return options.format === 'svg'
    ? stackSvg(stack, matrix, exportOptions)
    : stackMarkdown(stack, matrix, exportOptions);
}
