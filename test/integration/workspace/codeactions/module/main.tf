# Integration fixture for code actions: a Terraform module fixed from the command palette.
resource "aws_db_instance" "ledger" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = false
  publicly_accessible = true
}
