/**
 * How the analyses of a Terraform module and of the calls to it combine into the findings a user
 * sees: one cause shown once, and nothing that every caller overrides.
 */
import type { Range } from '../model';

/**
 * How a module's own analysis and its call-site analyses combine (`Analyzer.analyze`):
 *
 * - A folder that no scanned module calls is a root: its own analysis stands, with its variables'
 *   defaults and var files.
 * - A folder that a scanned module calls (with a local source that could be followed) is what its
 *   callers make of it: each call is analysed with the caller's arguments (and the defaults of
 *   the variables it does not pass), and those findings, addressed `module.<call>.…`, replace the
 *   folder's own analysis. So a problem caused by a default that every caller overrides is never
 *   shown. The folder's syntax errors stay (they are the file's, not a call's).
 * - The same problem at the same place in a called module (same rule, range and message but for
 *   the call's name), found through several calls, is one finding: it names the first call and
 *   lists the others ("Also through module.b, module.c."). Instances of one block within one call
 *   (`for_each`, `count`) stay findings of their own.
 */
export function combineModuleFindings<
  F extends { ruleId: string; resource: string; file: string; range: Range; message: string; detail?: string },
>(results: { dir: string; analysis: { findings: F[]; calledModules?: string[] } }[]): F[] {
  const called = new Set(results.flatMap((r) => r.analysis.calledModules ?? []));
  const out: F[] = [];
  const merged = new Map<string, { index: number; calls: string[] }>();
  for (const { dir, analysis } of results) {
    for (const finding of analysis.findings) {
      if (called.has(dir) && finding.ruleId !== 'parse-error') continue;
      const call = MODULE_PREFIX.exec(finding.resource)?.[0];
      if (!call) {
        out.push(finding);
        continue;
      }
      const { start, end } = finding.range;
      const key = [
        finding.ruleId,
        finding.file,
        start.line,
        start.character,
        end.line,
        end.character,
        finding.resource.slice(call.length),
        sameText(finding).split(call).join('\u0000'),
      ].join('\u0001');
      const seen = merged.get(key);
      const name = call.slice(0, -1);
      if (!seen) {
        merged.set(key, { index: out.length, calls: [name] });
        out.push(finding);
      } else if (!seen.calls.includes(name)) seen.calls.push(name);
    }
  }
  for (const { index, calls } of merged.values()) {
    if (calls.length < 2) continue;
    const shown = calls.slice(1, 6).join(', ');
    const more = calls.length > 6 ? ` and ${calls.length - 6} more` : '';
    const also = `Also through ${shown}${more}.`;
    out[index] = { ...out[index], detail: out[index].detail ? `${out[index].detail} ${also}` : also };
  }
  return out;
}

/**
 * What two calls' findings must share, the call's name aside: the headline (after its
 * `Owner · Concern: ` prefix) and the detail. A headline that had to be shortened (an address cut
 * in the middle, `…`) no longer holds the call's name whole; its detail then starts with the whole
 * headline, so the detail alone reads the same as headline and detail of an unshortened one.
 */
function sameText(finding: { message: string; detail?: string }): string {
  if (finding.detail && finding.message.includes('…')) return finding.detail.toLowerCase();
  const headline = finding.message.slice(finding.message.indexOf(': ') + 2);
  return `${headline}. ${finding.detail ?? ''}`.toLowerCase();
}

const MODULE_PREFIX = /^(?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)+/;
