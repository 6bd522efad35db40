import { RETIRED_TYPE, RETIREMENTS, retirementOf } from '../knowledge/retired';
import { knownTypes } from '../knowledge/services';
import type { Rule } from './rule';

/** Every CloudFormation and Terraform type of a retired service, from the dated type lists. */
const RETIRED_TYPES = [...knownTypes().cloudformation, ...knownTypes().terraform].filter((type) =>
  RETIRED_TYPE.test(type),
);

export const rule: Rule = {
  id: 'service-retired',
  title: 'Resource of a service AWS has retired or closed to new customers',
  concern: 'configuration',
  severity: 'info',
  appliesTo: RETIRED_TYPES,
  rationale: `Choosing the service a workload runs on is the customer's decision; AWS decides when a service stops taking new customers or reaches end of support, and says what to use instead. A template that creates a resource of such a service may fail for a new account or leave data on a service with no future. ${RETIREMENTS.map(
    (r) =>
      `${r.service}: ${r.status === 'closed-to-new-customers' ? 'closed to new customers' : 'end of support'}${r.date ? ` on ${r.date}` : ''} (${r.source.url}).`,
  ).join(' ')}`,
  remediation:
    "Plan the move to the replacement AWS recommends (the message names it) and remove the resource once the data has moved. AWS's announcement, linked from the rule documentation, has the migration steps.",
  messages: {
    closed: {
      headline: "'{resource}' uses a service closed to new customers since {date}.",
      detail:
        '{service} is closed to new customers. AWS recommends {replacement}; choosing the service is yours, so plan the move.',
    },
    closedUndated: {
      headline: "'{resource}' uses a service AWS no longer offers to new customers.",
      detail:
        '{service} is closed to new customers; existing customers can go on using it. AWS recommends {replacement}; choosing the service is yours, so plan the move.',
    },
    endOfSupport: {
      headline: "'{resource}' uses a service that reached end of support on {date}.",
      detail:
        '{service} is no longer supported. AWS recommends {replacement}; choosing the service is yours, so plan the move.',
    },
  },

  check(resource) {
    const retirement = retirementOf(resource.type);
    if (!retirement) return [];
    return [
      {
        messageId:
          retirement.status === 'end-of-support' ? 'endOfSupport' : retirement.date ? 'closed' : 'closedUndated',
        data: {
          resource: resource.id,
          service: retirement.service,
          date: retirement.date ?? '',
          replacement: retirement.replacement,
        },
        range: resource.typeRange,
      },
    ];
  },
};
