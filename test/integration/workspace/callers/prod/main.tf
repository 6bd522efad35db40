# Integration fixture: the only caller of ../modules/db (the test edits its argument).
module "db" {
  source    = "../modules/db"
  encrypted = false
}
