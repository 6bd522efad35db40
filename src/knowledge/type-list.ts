/**
 * The generated type lists (data/cloudformation-types.json, data/terraform-aws-types.json) are
 * shipped front-coded: sorted names share long prefixes (`AWS::EC2::…`, `aws_vpc_…`), so each entry
 * keeps only what differs from the previous one. The bundles are built that way by
 * scripts/esbuild-plugins.mjs (which writes the encoding described here), and this expands them at
 * load; the JSON files in the repository stay plain lists.
 *
 * Encoding: entries separated by one space; each entry is one character giving how many leading
 * characters it shares with the previous name (`0` + the count), then the rest of its name.
 */

/** The names of a front-coded list, in order. */
export function expandTypeList(compact: string): string[] {
  if (compact === '') return [];
  const names: string[] = [];
  let previous = '';
  for (const entry of compact.split(' ')) {
    previous = previous.slice(0, entry.charCodeAt(0) - ZERO) + entry.slice(1);
    names.push(previous);
  }
  return names;
}

const ZERO = 0x30;
