// One whole-process run of AWS's CloudFormation validator (`@aws/cloudformation-validate`, a Rust
// core compiled to WebAssembly) on one template, for bench/run.mjs to time beside `srlens scan`.
// Usage: node bench/cloudformation-validate.cjs <template> [cel|rego]; prints the diagnostic count.
const { CelEngine, RegoEngine, TemplateFile } = require('@aws/cloudformation-validate');

const engine = process.argv[3] === 'rego' ? new RegoEngine() : new CelEngine();
try {
  const report = engine.validateStandard(new TemplateFile(process.argv[2]));
  process.stdout.write(`${report.diagnostics.length}\n`);
} finally {
  engine.free();
}
