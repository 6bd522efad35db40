/**
 * `srlens scan --controls aws-security-hub:S3.5,RDS.2`: runs only the rules that check those
 * controls (AWS Security Hub ids, ISO/IEC 27001:2022 Annex A numbers). It replaces `controls:` of
 * `.srlens.yaml` for this run. An unknown id is a usage error; a control no rule checks is named on
 * stderr, and a selection that leaves no rule at all is an error, since it would read as a clean scan.
 */
import { parseControlSelection, ruleControls, rulesCheckingControls } from '../engine/controls';
import type { SrlensConfig } from '../engine/config';
import { RULES } from '../rules';

export const CONTROLS_HELP = `      --controls <ids>             Only the rules that check these controls: AWS Security Hub ids or
                                   ISO/IEC 27001:2022 Annex A numbers, comma-separated and repeatable
                                   (aws-security-hub:S3.5,RDS.2 or iso-27001-2022:8.24)`;

export class ControlsError extends Error {}

/** The configuration with `controls` from the option, or as it was when the option is not given. */
export function withControlsOption(
  config: SrlensConfig,
  items: readonly string[] | undefined,
  note: (text: string) => void,
): SrlensConfig {
  if (!items || items.length === 0) return config;
  const selection = parseControlSelection(items);
  if (selection.errors.length > 0) throw new ControlsError(`--controls: ${selection.errors.join('; ')}.`);
  if (selection.controls.length === 0) throw new ControlsError('--controls needs at least one control id.');
  const selected = rulesCheckingControls(selection.controls);
  const unchecked = selection.controls.filter(
    (control) =>
      !RULES.some(
        (rule) =>
          selected.has(rule.id) &&
          ruleControls(rule).some((c) => c.framework === control.framework && c.id === control.id),
      ),
  );
  const names = unchecked.map((c) => `${c.framework}:${c.id}`);
  if (selected.size === 0)
    throw new ControlsError(
      `--controls: no rule checks ${names.join(', ')}, so nothing would be scanned. 'srlens scan' without --controls runs every rule; docs/rules/ lists the controls of each.`,
    );
  if (names.length > 0) note(`srlens: note: no rule checks ${names.join(', ')}; scanning for the other controls.`);
  return { ...config, controls: selection.controls.map((c) => `${c.framework}:${c.id}`) };
}
