# Integration fixture: whether the database is encrypted comes from terraform.tfvars (the test edits it).
variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_db_instance" "orders" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = var.encrypted
}
