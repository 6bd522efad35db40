import { rule } from '../../src/rules/cloudformation-parameter-secret-without-noecho';
import type { RuleCases } from './tester';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'yaml',
      code: `Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    MinLength: 12
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      syntax: 'yaml',
      name: 'names about a secret, not the secret itself',
      code: `Parameters:
  DBPasswordSecretArn:
    Type: String
  GitHubTokenParameterName:
    Type: String
  PasswordLength:
    Type: Number
    Default: 32
  CreateSecret:
    Type: String
    AllowedValues: ["true", "false"]
  ApiKeyParameter:
    Type: AWS::SSM::Parameter::Value<String>
  KeyName:
    Type: AWS::EC2::KeyPair::KeyName
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      syntax: 'json',
      code: `{
  "Parameters": {
    "GitHubToken": { "Type": "String", "NoEcho": "true" }
  },
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue" }
  }
}
`,
    },
    {
      syntax: 'terraform',
      name: 'Terraform has no template parameters (sensitive variables are a different mechanism)',
      code: `variable "db_password" {
  type = string
}
`,
    },
  ],
  invalid: [
    {
      syntax: 'yaml',
      code: `Parameters:
  DBPassword:
    Type: String
    MinLength: 12
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
      findings: [
        {
          line: 2,
          column: 3,
          messageId: 'notNoEcho',
          message: "You · Credentials: parameter 'DBPassword' looks like a secret but is not NoEcho",
          detail:
            'CloudFormation shows its value in plain text to anyone who can view the stack (console, DescribeStacks). Masking it is yours: set NoEcho: true, or better, read the secret from Secrets Manager with a dynamic reference.',
        },
      ],
      output: `Parameters:
  DBPassword:
    Type: String
    MinLength: 12
    NoEcho: true
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      syntax: 'yaml',
      name: 'NoEcho false is replaced; a flow-style body gets the key inside the braces',
      code: `Parameters:
  GitHubOAuthToken:
    Type: String
    NoEcho: false # was for debugging
  SlackWebhookSecret: { Type: String }
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
      findings: [
        { line: 2, column: 3 },
        { line: 5, column: 3 },
      ],
      output: `Parameters:
  GitHubOAuthToken:
    Type: String
    NoEcho: true # was for debugging
  SlackWebhookSecret: { Type: String, NoEcho: true }
Resources:
  Queue:
    Type: AWS::SQS::Queue
`,
    },
    {
      syntax: 'yaml',
      name: 'the second document of a multi-document file',
      code: `Resources:
  Queue:
    Type: AWS::SQS::Queue
---
Parameters:
  ApiKey:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
`,
      findings: [{ line: 6, column: 3 }],
      output: `Resources:
  Queue:
    Type: AWS::SQS::Queue
---
Parameters:
  ApiKey:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
`,
    },
    {
      syntax: 'json',
      code: `{
  "Parameters": {
    "AdminPassword": {
      "Type": "String",
      "Description": "Initial administrator password"
    },
    "PrivateKey": { "Type": "String", "NoEcho": "false" }
  },
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue" }
  }
}
`,
      findings: [
        { line: 3, column: 5 },
        { line: 7, column: 5 },
      ],
      output: `{
  "Parameters": {
    "AdminPassword": {
      "Type": "String",
      "Description": "Initial administrator password",
      "NoEcho": true
    },
    "PrivateKey": { "Type": "String", "NoEcho": true }
  },
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue" }
  }
}
`,
    },
  ],
};
