/**
 * VS Code-style globs matched without a search, for single files (file events): `**`, `*`, `?`,
 * `[...]` and `{a,b}` (expanded first: VS Code globs do not nest braces inside braces). Pure, no
 * `vscode` import, so it is unit-tested directly.
 */

/** Whether a workspace-relative path, or a folder above it, matches one of the globs. */
export function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  const matchers = globs.map(globToRegExp);
  const segments = relativePath.split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if (matchers.some((m) => m.test(prefix))) return true;
  }
  return false;
}

const globCache = new Map<string, RegExp>();

/** A VS Code glob without braces (see expandBraces) as a regular expression: `**`, `*`, `?`, `[...]`. */
export function globToRegExp(glob: string): RegExp {
  const cached = globCache.get(glob);
  if (cached) return cached;
  let source = '';
  const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:[^/]*/)*';
      } else source += '.*';
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\\]/]/g, (x) => `\\${x}`);
  }
  const regExp = new RegExp(`^${source}$`);
  if (globCache.size > 500) globCache.clear();
  globCache.set(glob, regExp);
  return regExp;
}

/** `a/{b,c}/*.{d,e}` → the four plain patterns: VS Code globs do not nest braces inside braces. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return pattern.includes('}') || pattern.includes(',') ? [] : [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return splitTopLevel(pattern.slice(open + 1, i)).flatMap((choice) => expandBraces(`${head}${choice}${tail}`));
    }
  }
  return [];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A path as a glob that matches only itself. */
export function escapeGlob(path: string): string {
  return path.replace(/[[\]{}*?!]/g, (c) => `[${c}]`);
}
