/**
 * YAML dataset files, read with the `yaml` package (YAML 1.2 core schema, so `2024-05` and
 * `yes` stay strings; duplicate keys are errors, and so are warnings such as unknown tags).
 */
import YAML from 'yaml';

/** A YAML error with its 1-based line and column. */
export interface YamlSyntaxError {
  line: number;
  column: number;
  detail: string;
}

/** The message of a `yaml` error without its "at line x, column y:" tail and code excerpt. */
function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?\s*$/u, '').trim();
}

/**
 * Parses a YAML text into plain data; on errors returns every error with its position.
 *
 * @example
 * parseYaml('a: [1, 2\n') // → { ok: false, errors: [{ line: 2, column: 1, detail: '...' }] }
 */
export function parseYaml(text: string): { ok: true; value: unknown } | { ok: false; errors: YamlSyntaxError[] } {
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // deeply nested flow collections can exhaust the parser's stack
    return { ok: false, errors: [{ line: 1, column: 1, detail: shortMessage((error as Error).message) }] };
  }
  // warnings too: an unknown tag (`!!js/function`, `!custom`) would otherwise be read as a plain
  // string, silently changing what the user wrote
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems.map((error) => {
        const at = error.linePos?.[0];
        return { line: at?.line ?? 1, column: at?.col ?? 1, detail: shortMessage(error.message) };
      }),
    };
  }
  try {
    // maxAliasCount guards against alias bombs ("billion laughs")
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ line: 1, column: 1, detail: shortMessage((error as Error).message) }] };
  }
}

/** Serialises a dataset as YAML, without anchors/aliases and without folding long lines. */
export function stringifyYaml(value: unknown): string {
  return YAML.stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}
