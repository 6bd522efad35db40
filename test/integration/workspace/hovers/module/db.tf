resource "aws_db_instance" "billing" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "billing"
  password            = var.db_password
  publicly_accessible = false
}

variable "db_password" {
  type      = string
  sensitive = true
}
