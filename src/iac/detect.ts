/**
 * Which files the analyser looks at. Detection is by extension first (cheap), then by content
 * (see `isTemplateRoot` in cloudformation.ts): YAML and JSON that are not templates yield nothing.
 */
export type SourceKind = 'terraform' | 'cloudformation';

const CLOUDFORMATION_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];

export function sourceKindOf(file: string): SourceKind | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) return 'terraform';
  if (CLOUDFORMATION_EXTENSIONS.some((ext) => lower.endsWith(ext))) return 'cloudformation';
  return undefined;
}

/**
 * Every template has `AWSTemplateFormatVersion`, `Resources` or `Transform` somewhere in its text,
 * so text without any of them (lock files, manifests, configs) is skipped without parsing.
 */
export function mayBeTemplate(text: string): boolean {
  return text.includes('Resources') || text.includes('AWSTemplateFormatVersion') || text.includes('Transform');
}

/**
 * A Terraform plan as JSON (`terraform show -json`): `format_version` 1.x as its first key, as
 * Terraform writes it, and `planned_values` somewhere. Read by `terraform/plan.ts`.
 */
export function isTerraformPlanJson(text: string): boolean {
  return (
    /^\uFEFF?\s*\{\s*"format_version"\s*:\s*"1\.\d+"/.test(text.slice(0, 512)) && text.includes('"planned_values"')
  );
}

/** The directory of a Terraform module: all `.tf` files in one directory form one module. */
export function moduleDirOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash === -1 ? '.' : file.slice(0, slash) || '/';
}
