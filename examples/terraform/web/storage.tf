resource "aws_s3_bucket" "logs" {
  bucket = "example-web-logs"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_db_instance" "app" {
  identifier          = "web-app"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  storage_encrypted   = false
  publicly_accessible = false
  skip_final_snapshot = true
}
