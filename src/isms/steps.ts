/**
 * The nine steps of building an ISMS, in order, each with short guidance on what "done" looks
 * like for a team whose infrastructure is written as CloudFormation or Terraform.
 */

export type StepId =
  | 'define-scope'
  | 'define-policy'
  | 'select-methodology'
  | 'identify-risks'
  | 'analyse-risks'
  | 'address-risks'
  | 'choose-framework'
  | 'management-approval'
  | 'statement-of-applicability';

export type StepStatus = 'not-started' | 'in-progress' | 'done';

export const STEP_STATUSES: readonly StepStatus[] = ['not-started', 'in-progress', 'done'];

export interface IsmsStep {
  id: StepId;
  title: string;
  /** What to do, in two or three plain sentences. */
  guidance: string;
}

export const ISMS_STEPS: readonly IsmsStep[] = [
  {
    id: 'define-scope',
    title: 'Define the scope',
    guidance:
      'Say which accounts, Regions, workloads and teams the ISMS covers, and what it leaves out. ' +
      'The folders scanned here are a starting point: name the business services they support.',
  },
  {
    id: 'define-policy',
    title: 'Define an ISMS policy',
    guidance:
      'Write a short policy that states the security objectives, who is accountable for them, and ' +
      'how often the ISMS is reviewed. Keep it to what leadership will actually sign and follow.',
  },
  {
    id: 'select-methodology',
    title: 'Select a risk assessment methodology',
    guidance:
      'Agree how risks are scored so that two people rate the same risk alike. This register uses ' +
      'likelihood times impact, each from 1 to 5; write down what each level means for you.',
  },
  {
    id: 'identify-risks',
    title: 'Identify risks',
    guidance:
      'List what could harm each asset. Open findings on your side of the model seed the register; ' +
      'add risks no template shows, such as people, suppliers and processes.',
  },
  {
    id: 'analyse-risks',
    title: 'Analyse risks',
    guidance:
      'Rate the likelihood and impact of each risk, using the asset values to judge impact. ' +
      'Adjust the defaults taken from finding severity where you know better.',
  },
  {
    id: 'address-risks',
    title: 'Address risks',
    guidance:
      'Choose a treatment for each risk: fix it, accept it with a recorded reason, transfer it ' +
      '(insurance, a supplier) or avoid it by stopping the activity. Give each one an owner and a date.',
  },
  {
    id: 'choose-framework',
    title: 'Choose a security framework',
    guidance:
      'Pick the control set you measure against, such as ISO/IEC 27001 Annex A, and map it to the ' +
      'concerns of the shared responsibility model so inherited controls are clear.',
  },
  {
    id: 'management-approval',
    title: 'Get management approval',
    guidance:
      'Present the scope, policy, residual risks and treatment plan to management and record the ' +
      'approval, who gave it and when. Accepted risks need an explicit sign-off.',
  },
  {
    id: 'statement-of-applicability',
    title: 'Statement of applicability',
    guidance:
      'For each control, record whether it applies, why, and whether it is implemented, citing ' +
      'evidence. Controls AWS runs for you are inherited: cite the AWS compliance reports.',
  },
];

const IDS = new Set<string>(ISMS_STEPS.map((s) => s.id));

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && IDS.has(value);
}
