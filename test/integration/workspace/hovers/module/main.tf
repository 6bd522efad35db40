# Hover and CodeLens fixture: a provider whose Region is decided at deploy time, one with a literal Region.
provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"
  region = "eu-central-1"
}

variable "region" {
  type = string
}
