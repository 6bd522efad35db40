# Integration fixture: a module whose database encryption its callers decide (callers/prod passes it).
variable "encrypted" {
  type    = bool
  default = false
}

resource "aws_db_instance" "orders" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = var.encrypted
}
