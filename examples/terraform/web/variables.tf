variable "region" {
  description = "Where the workload runs; data stays in this region unless you replicate it."
  type        = string
  default     = "eu-west-1"
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}
