// The lazily loaded AWS bundle (`dist/aws.js`): the STS identity and the account check.
export * from './identity';
export * from './account-check';
