/**
 * What a template says about the image an instance boots, where it can be recognised for sure.
 *
 * Amazon Linux 2023 AMIs are registered with `ImdsSupport: v2.0`, so instances launched from them
 * require IMDSv2 tokens unless `HttpTokens` says otherwise (or the account's instance metadata
 * defaults do). An image is recognisably AL2023 when it comes from the public SSM parameters
 * `/aws/service/ami-amazon-linux-latest/al2023-ami-…` (a CloudFormation parameter of type
 * `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` with such a default, a
 * `{{resolve:ssm:…}}` reference, a Terraform `data "aws_ssm_parameter"` of that name), or from a
 * Terraform `data "aws_ami"` owned by Amazon whose name filter only matches `al2023-ami-…` names.
 * The ECS-optimized variant (`al2023-ami-ecs-…`) is left out: its IMDS registration is not stated
 * in the AL2023 user guide.
 */
import type { Resource, Value } from '../../iac/model';
import { getProperties, getProperty } from '../../iac/model';
import type { RuleContext } from '../rule';
import { items, stringOf } from '../toolkit/values';
import { launchSetting, TF_INSTANCE } from './ec2-launch';

/** Where this is stated (the AL2023 user guide's IMDSv2 page), and when it was checked. */
export const AL2023_IMDS_SOURCE = {
  url: 'https://docs.aws.amazon.com/linux/al2023/ug/imdsv2.html',
  checked: '2026-12-07',
};

const AL2023_SSM_PATH = /^\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-(?!ecs)[\w.-]+$/;
const AL2023_RESOLVE = /^\{\{resolve:ssm:(\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-[\w.-]+)(:\d+)?\}\}$/;
const AL2023_NAME_PATTERN = /^al2023-ami-(?!ecs)/;
const SSM_IMAGE_PARAMETER = 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>';
const AMAZON_OWNERS = new Set(['amazon', '137112412989']);

/** True when the image the resource launches is known to be an Amazon Linux 2023 AMI. */
export function launchesAl2023(resource: Resource, context: RuleContext): boolean {
  const isCfn = !resource.type.startsWith('aws_');
  const name = isCfn ? 'ImageId' : resource.type === TF_INSTANCE ? 'ami' : 'image_id';
  const image = launchSetting(resource, context, name)?.value;
  if (!image) return false;
  return isCfn ? cfnAl2023(image, context) : terraformAl2023(image, context);
}

function cfnAl2023(image: Value, context: RuleContext): boolean {
  const unit = context.unit;
  if (image.kind === 'reference' && unit.kind === 'cloudformation') {
    const parameter = unit.parameters.find((p) => p.name === image.target);
    if (parameter) {
      const path = stringOf(parameter.default).value;
      return (
        parameter.type?.replace(/\s+/g, '') === SSM_IMAGE_PARAMETER && path !== undefined && AL2023_SSM_PATH.test(path)
      );
    }
  }
  const text = literalText(image);
  const match = text === undefined ? null : AL2023_RESOLVE.exec(text);
  return match !== null && AL2023_SSM_PATH.test(match[1]);
}

/** A literal string, or the template of a `!Sub` that has no variables. */
function literalText(value: Value): string | undefined {
  if (value.kind === 'literal') return typeof value.value === 'string' ? value.value : undefined;
  if (value.kind === 'unresolvable' && value.construct === 'Fn::Sub' && value.args?.kind === 'literal') {
    const template = value.args.value;
    return typeof template === 'string' && !template.includes('${') ? template : undefined;
  }
  return undefined;
}

function terraformAl2023(image: Value, context: RuleContext): boolean {
  if (image.kind !== 'reference' || context.unit.kind !== 'terraform') return false;
  const source = context.unit.dataSources.find((d) => d.id === image.target);
  if (!source) return false;
  if (source.type === 'aws_ssm_parameter' && (image.attribute === 'value' || image.attribute === 'insecure_value')) {
    const path = stringOf(context.resolve(getProperty(source.properties, 'name')?.value)).value;
    return path !== undefined && AL2023_SSM_PATH.test(path);
  }
  if (source.type === 'aws_ami' && image.attribute === 'id') return amazonAl2023Filter(source, context);
  return false;
}

/** `owners` names Amazon, and a `name` filter is written whose every value is an AL2023 name. */
function amazonAl2023Filter(source: Resource, context: RuleContext): boolean {
  const owners = items(context.resolve(getProperty(source.properties, 'owners')?.value)).map((o) => stringOf(o).value);
  if (owners.length === 0 || !owners.every((o) => o !== undefined && AMAZON_OWNERS.has(o))) return false;
  for (const filter of getProperties(source.properties, 'filter')) {
    if (filter.value.kind !== 'map') continue;
    if (stringOf(context.resolve(getProperty(filter.value, 'name')?.value)).value !== 'name') continue;
    const values = items(context.resolve(getProperty(filter.value, 'values')?.value)).map((v) => stringOf(v).value);
    if (values.length > 0 && values.every((v) => v !== undefined && AL2023_NAME_PATTERN.test(v))) return true;
  }
  return false;
}
