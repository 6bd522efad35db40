// Which folder of src/ may import what: the layers table of ARCHITECTURE.md, checked by
// `npm run lint` (npx depcruise src). dependency-cruiser rather than an ESLint plugin because it
// sees `import type` too (a cycle of type imports is still a cycle; eslint-plugin-import-x's
// no-cycle skips them) and states each layer's allowed imports as one list, as the table does.
//
// Each layer rule reads "a file in <layer> may import only <allowed>": anything else in src/ (or,
// for knowledge/ and aws/, anything at all) is an error.
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: each one is a knot a reader has to untangle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'knowledge-imports-nothing',
      comment: 'knowledge/ is pure data and lookups: it imports nothing, neither ours nor a package.',
      severity: 'error',
      from: { path: '^src/knowledge/' },
      to: { pathNot: '^src/knowledge/' },
    },
    layer('iac-layer', '^src/iac/', '^src/(iac|knowledge)/', 'iac/ (the parsers) builds on knowledge/ only.'),
    layer(
      'fixes-layer',
      '^src/fixes/',
      '^src/(fixes|iac|knowledge)/',
      'fixes/ (text edits and fix types) sits below the rules: it knows the model, never a rule or the engine.',
    ),
    layer(
      'rules-layer',
      '^src/rules/',
      '^src/(rules|fixes|knowledge)/|^src/iac/(model|line-index)\\.ts$',
      'A rule sees the neutral model (and its line index), knowledge/ and the fix layer: never a parser, never the engine.',
    ),
    layer(
      'engine-layer',
      '^src/engine/',
      '^src/(engine|rules|fixes|iac|knowledge)/',
      'engine/ runs the rules on parsed files; it knows no front end.',
    ),
    layer(
      'isms-layer',
      '^src/isms/',
      '^src/(isms|engine|rules|fixes|iac|knowledge)/',
      'isms/ builds on the engine and below.',
    ),
    layer(
      'features-layer',
      '^src/features/',
      '^src/(features|engine|rules|fixes|iac|knowledge)/',
      'features/ is what the editor front ends say (hover, CodeLens, code actions, diagnostics, settings), computed without an editor API.',
    ),
    {
      name: 'aws-imports-only-the-sdk',
      comment:
        'aws/ is the only door to AWS itself, through the SDK; besides it, only knowledge/ (concerns, the port tables the template rules share).',
      severity: 'error',
      from: { path: '^src/aws/' },
      to: { pathNot: '^src/(aws|knowledge)/|@aws-sdk/', dependencyTypesNot: ['core'] },
    },
    layer(
      'cli-layer',
      '^src/cli/',
      '^src/(cli|isms|engine|rules|fixes|iac|knowledge|aws|lsp)/|^src/mcp/server\\.ts$',
      'The CLI is a front end: the engine and below, the ISMS export, the STS commands (aws/), the MCP server (mcp/server.ts) and the language server (lsp/), all loaded on demand.',
    ),
    layer(
      'lsp-layer',
      '^src/lsp/',
      '^src/(lsp|features|engine|rules|fixes|iac|knowledge)/|^src/cli/(files|terraform-inputs)\\.ts$',
      'The language server is a front end on the shared features; it walks and reads files as the CLI does.',
    ),
    layer(
      'mcp-layer',
      '^src/mcp/',
      '^src/(mcp|cli|engine|rules|fixes|iac|knowledge)/',
      'mcp/ (srlens mcp) is a front end on the CLI: it runs the CLI bundle and reads files with its walker; never cli/main.ts.',
    ),
    {
      name: 'mcp-never-imports-the-cli-entry',
      comment:
        'cli/main.ts loads mcp/server.ts on demand; an import back would be a cycle and would pull the CLI into dist/mcp.js.',
      severity: 'error',
      from: { path: '^src/mcp/' },
      to: { path: '^src/cli/main\\.ts$' },
    },
    {
      name: 'only-vscode-imports-vscode',
      comment:
        'Only src/vscode/ imports vscode, so the engine also runs in the CLI, in tests and in a web worker ' +
        '(`vscode` resolves to its types, @types/vscode).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/vscode/' },
      to: { path: ['^vscode$', '(^|/)node_modules/@types/vscode/'] },
    },
    {
      name: 'no-node-built-ins-in-shared-code',
      comment:
        'Code the web extension bundles must not use Node built-ins. Node-only modules are the CLI, aws/, ' +
        'and the modules with a <module>.web.ts twin that replaces them in the browser build.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['^src/(cli|aws|mcp|lsp)/', '^src/iac/wasm\\.ts$', '^src/vscode/(platform|aws)\\.ts$'],
      },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (without this they vanish before the check).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|out)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    skipAnalysisNotInRules: true,
  },
};
