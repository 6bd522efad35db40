# CodeLens fixture: resources of other providers are outside the AWS model.

resource "random_id" "suffix" {
  byte_length = 4
}

resource "null_resource" "wait" {}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs-${random_id.suffix.hex}"
  sqs_managed_sse_enabled = true
}
