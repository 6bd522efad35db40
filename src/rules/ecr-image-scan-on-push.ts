import type { TextEdit } from '../fixes/types';
import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext } from './rule';
import { hasResourceOfType } from './toolkit/resources';
import { checkRequiredSetting, type RequiredSetting } from './toolkit/required-setting';
import { isCloudFormation, readFor } from './toolkit/values';

const CFN_PATH = ['ImageScanningConfiguration', 'ScanOnPush'];
const TF_PATH = ['image_scanning_configuration', 'scan_on_push'];

const SCAN_ON_PUSH: RequiredSetting = {
  cloudFormation: CFN_PATH,
  terraform: TF_PATH,
  wanted: true,
  default: { value: false, source: 'ECR API, CloudFormation and Terraform default' },
};

/** Registry-wide scanning settings: with one, the registry's own rules decide what is scanned. */
const REGISTRY_SCANNING_TYPES = ['AWS::ECR::RegistryScanningConfiguration', 'aws_ecr_registry_scanning_configuration'];

function pathOf(resource: Resource): string[] {
  return isCloudFormation(resource) ? CFN_PATH : TF_PATH;
}

function pathText(resource: Resource): string {
  return pathOf(resource).join('.');
}

function fixEdits(resource: Resource, context: RuleContext): TextEdit[] {
  const written = readFor(resource, context, CFN_PATH, TF_PATH);
  // A value from a parameter or variable is someone's knob: changing it is a decision, not a quick fix.
  if (written.state === 'known' && written.property.value.kind !== 'literal') return [];
  return setProperty(resource, context, pathOf(resource), true);
}

export const rule: Rule = {
  id: 'ecr-image-scan-on-push',
  title: 'ECR repository does not scan images on push',
  concern: 'machine-image',
  severity: 'info',
  appliesTo: ['AWS::ECR::Repository', 'aws_ecr_repository'],
  rationale:
    'The container images in a repository are yours: AWS stores them and offers a vulnerability scanner (basic scanning, or enhanced scanning with Amazon Inspector), but images are scanned automatically only where you configure it, and fixing what it finds, by rebuilding the image, is yours. A repository asks for a scan of each pushed image with scan on push, which is off by default; a registry scanning configuration can instead scan every repository of the account and Region.',
  remediation:
    'Set `ImageScanningConfiguration: { ScanOnPush: true }` (CloudFormation) or `image_scanning_configuration { scan_on_push = true }` (Terraform), or, since AWS now favours registry-wide settings, scan all repositories with `AWS::ECR::RegistryScanningConfiguration` / `aws_ecr_registry_scanning_configuration` (enhanced scanning with Amazon Inspector also rescans images as new vulnerabilities are published).',
  messages: {
    scanOff: {
      headline: "ECR repository '{resource}' turns scan on push off.",
      detail:
        'It sets {property} to false: this repository does not ask for its images to be scanned for known vulnerabilities when they are pushed. AWS runs the scanner, but asking for scans and acting on what they find are yours: turn it on here, unless a registry scanning configuration of your account already covers this repository.',
    },
    scanNotSet: {
      headline: "ECR repository '{resource}' does not scan images on push.",
      detail:
        '{property} is not set and defaults to false. AWS runs the scanner, but asking for scans and acting on what they find are yours: turn it on here, unless a registry scanning configuration of your account already covers this repository.',
    },
  },

  check(resource, context) {
    // A registry scanning configuration in the same template or module overrides the repository's setting.
    if (hasResourceOfType(context, REGISTRY_SCANNING_TYPES)) return [];
    // Terraform's `null` leaves the default (false) in place, like an absent argument: `read` says absent.
    const reports = checkRequiredSetting(resource, context, SCAN_ON_PUSH, {
      absent: 'scanNotSet',
      insecure: 'scanOff',
    });
    if (reports.length === 0) return [];
    const fixable = fixEdits(resource, context).length > 0;
    return reports.map((report) => ({ ...report, fixable }));
  },

  fix(_report, resource, context) {
    return { title: `Set ${pathText(resource)} to true`, edits: fixEdits(resource, context) };
  },
};
