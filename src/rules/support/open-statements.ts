/**
 * Which Allow statements of a resource policy let anyone in. `allowsAnyone` (policy.ts) counts any
 * condition as narrowing; some conditions do not narrow who may act, and a statement whose
 * conditions are all of that kind is as open as one without conditions:
 * - a negated operator (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`, …): everyone except a few;
 * - a value that matches anything (`*`) or an ARN in any account (`arn:aws:iam::*:…`): values of one
 *   key are alternatives, so one such value is enough;
 * - keys about the request rather than the caller (`aws:SecureTransport`, `aws:CurrentTime`, …) or
 *   that the caller writes freely (`aws:Referer`, `aws:UserAgent`).
 */
import { allowsAnyone, type PolicyCondition, type PolicyDocument, type PolicyStatement } from '../toolkit/policy';

const NOT_ABOUT_WHO = new Set([
  'aws:securetransport',
  's3:tlsversion',
  'aws:currenttime',
  'aws:epochtime',
  'aws:referer',
  'aws:useragent',
  'aws:requestedregion',
  's3:signatureversion',
  's3:signatureage',
  's3:authtype',
]);

export function openStatements(policy: PolicyDocument): PolicyStatement[] {
  const open = new Set(allowsAnyone(policy));
  return policy.statements.filter(
    (s) =>
      open.has(s) ||
      (s.effect.value === 'Allow' &&
        (s.anyone || s.notPrincipal) &&
        s.conditions.state === 'known' &&
        s.conditions.value.length > 0 &&
        s.conditions.value.every((c) => !narrows(c))),
  );
}

function narrows(condition: PolicyCondition): boolean {
  const operator = condition.operator.replace(/^For(Any|All)Value:/i, '').replace(/IfExists$/i, '');
  if (/Not/.test(operator)) return false;
  if (NOT_ABOUT_WHO.has(condition.key.toLowerCase())) return false;
  if (condition.values.state === 'unknown') return true;
  return !condition.values.value.some(matchesAnyone);
}

function matchesAnyone(value: string): boolean {
  if (/^[*?]+$/.test(value)) return true;
  const parts = value.split(':');
  return parts[0] === 'arn' && parts.length >= 5 && /^[*?]+$/.test(parts[4]);
}
