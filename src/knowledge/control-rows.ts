/**
 * The Security Hub controls catalog (data/security-hub-controls.json) is shipped as text: one row
 * per line, fields separated by tabs, the severity as one letter. The bundles are built that way by
 * scripts/esbuild-plugins.mjs (`controlRows`), and this expands it at load into the JSON file's rows.
 */

const SEVERITIES: Readonly<Record<string, string>> = {
  C: 'CRITICAL',
  H: 'HIGH',
  M: 'MEDIUM',
  L: 'LOW',
  I: 'INFORMATIONAL',
};

/** The rows `[id, title, severity, Config rule or ""]` of the compact text. */
export function expandControlRows(compact: string): string[][] {
  if (compact === '') return [];
  return compact.split('\n').map((line) => {
    const [id, title, letter, configRule] = line.split('\t');
    return [id, title, SEVERITIES[letter] ?? letter, configRule];
  });
}
