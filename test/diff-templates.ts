/**
 * The two sides of the review the diff tests revolve around: a database on RDS, and the same
 * database moved to an EC2 instance (operating-system patching and machine images come to you).
 * Shared by the CLI's and the editor's diff tests, which must report the same change.
 */
export const RDS = `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
`;

export const EC2 = `Resources:
  DbHost:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
`;
