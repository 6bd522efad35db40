// Regenerates src/knowledge/data/security-hub-controls.json from AWS's Security Hub controls catalog
// (OSCAL), kept beside the repository in ../shared/data/security-hub/ (see its README): each
// control's id, title (the statement), severity and backing AWS Config rule, with the catalog's
// commit and dates. The product reads only the generated file, never ../shared.
// Usage: node scripts/generate-security-hub.mjs [--catalog <dir>] [--check]
//   --check  writes nothing; exits 1 when the generated file differs from what the catalog gives.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(root, 'src', 'knowledge', 'data', 'security-hub-controls.json');
const CATALOG_FILE = 'aws_security-hub.oscal.json';

function option(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Natural order of control ids: `EC2.2` before `EC2.10`, services alphabetically (case-insensitive). */
function compareIds(a, b) {
  const [sa, na] = a.split('.');
  const [sb, nb] = b.split('.');
  const service = sa.toLowerCase().localeCompare(sb.toLowerCase()) || sa.localeCompare(sb);
  return service || Number(na) - Number(nb) || a.localeCompare(b);
}

function fail(message) {
  console.error(`generate-security-hub: ${message}`);
  process.exit(2);
}

/** The generated table, from the catalog's JSON and its README (which records where it came from). */
export function buildTable(catalog, readme) {
  const provenance =
    /repository\s+([\w.-]+\/[\w.-]+),\s+file\s+`([^`]+)`,\s+at\s+commit\s+([0-9a-f]{40})\s+\((\d{4}-\d{2}-\d{2})/.exec(
      readme.replace(/\s+/g, ' '),
    );
  if (!provenance) fail('the catalog README does not name its repository, file, commit and date');
  const [, repository, file, commit, commitDate] = provenance;
  const metadata = catalog?.catalog?.metadata;
  if (!metadata || !Array.isArray(catalog.catalog.groups))
    fail('not an OSCAL catalog (catalog.metadata, catalog.groups)');
  const controls = [];
  for (const group of catalog.catalog.groups) {
    for (const control of group.controls ?? []) {
      const statement = control.parts?.find((p) => p.name === 'statement')?.prose;
      const severity = control.props?.find((p) => p.name === 'SeverityLabel')?.value;
      const configRule = control.parts
        ?.find((p) => p.name === 'assessment-method')
        ?.props?.find((p) => p.name === 'TechnicalControlId')?.value;
      if (!control.id || !statement || !severity)
        fail(`control ${control.id ?? '(no id)'} lacks a statement or severity`);
      controls.push({
        id: control.id,
        title: statement.trim().replace(/\.$/, ''),
        severity,
        ...(configRule ? { configRule } : {}),
      });
    }
  }
  controls.sort((a, b) => compareIds(a.id, b.id));
  const ids = new Set(controls.map((c) => c.id));
  if (ids.size !== controls.length) fail('the catalog repeats a control id');
  return {
    source: `AWS Security Hub controls catalog (OSCAL), ${repository} ${file}`,
    repository: `https://github.com/${repository}`,
    commit,
    commitDate,
    catalogLastModified: String(metadata['last-modified']).slice(0, 10),
    catalogVersion: metadata.version,
    license: 'Apache-2.0',
    count: controls.length,
    // One row per control, [id, title, severity, Config rule or ""]: the table ships in the editor's
    // bundles, where repeating four key names 452 times costs 18 KB.
    columns: ['id', 'title', 'severity', 'configRule'],
    controls: controls.map((c) => [c.id, c.title, c.severity, c.configRule ?? '']),
  };
}

/** The table as JSON, one control per line. */
export function render(table) {
  const { controls, ...header } = table;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const rows = controls.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `${head},\n  "controls": [\n${rows}\n  ]\n}\n`;
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  const argv = process.argv.slice(2);
  const dir = path.resolve(option(argv, '--catalog') ?? path.join(root, '..', 'shared', 'data', 'security-hub'));
  let catalog;
  let readme;
  try {
    catalog = JSON.parse(readFileSync(path.join(dir, CATALOG_FILE), 'utf8'));
    readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  } catch (error) {
    fail(`cannot read the catalog in ${dir}: ${error.message}`);
  }
  const text = render(buildTable(catalog, readme));
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      console.error(
        `generate-security-hub: ${path.relative(root, OUTPUT)} is out of date with ${dir}: run 'npm run generate:security-hub'`,
      );
      process.exit(1);
    }
    console.log(`${path.relative(root, OUTPUT)} is up to date (${JSON.parse(text).count} controls)`);
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(root, OUTPUT)} (${JSON.parse(text).count} controls)`);
  }
}
