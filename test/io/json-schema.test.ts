import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Dataset } from '../../src/index.js';

type JsonSchema = {
  $id?: string;
  title?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: unknown;
  required?: string[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

const FILE = fileURLToPath(new URL('../../schema/dataset.schema.json', import.meta.url));
const built = existsSync(FILE);
const schema: JsonSchema = built
  ? (JSON.parse(readFileSync(FILE, 'utf8')) as JsonSchema)
  : (z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any' }) as JsonSchema);

/** Follows `$ref`s into `$defs`, in case the generator ever factors shared schemas out. */
function deref(node: JsonSchema | undefined): JsonSchema {
  if (node?.$ref) return deref(schema.$defs?.[node.$ref.replace('#/$defs/', '')]);
  return node ?? {};
}

const at = (...keys: string[]) =>
  keys.reduce<JsonSchema>((node, key) => (key === '[]' ? deref(deref(node).items) : deref(deref(node).properties?.[key])), schema);

describe('the JSON Schema of a dataset', () => {
  it('forbids unknown properties on enterprises', () => {
    expect(at('enterprises', '[]').additionalProperties).toBe(false);
    expect(at('enterprises', '[]').required).toEqual(['id', 'name', 'region']);
  });

  it('accepts the Chinese synonyms of enumerated values (input mode)', () => {
    expect(at('chains', '[]', 'segments', '[]', 'stage').enum).toEqual(['upstream', 'midstream', 'downstream', '上游', '中游', '下游']);
    expect(at('enterprises', '[]', 'role').enum).toContain('链主');
  });

  it('leaves fields with defaults optional', () => {
    expect(schema.required).toEqual(['meta', 'regions', 'chains']);
  });

  it.runIf(built)('has an $id and a title when built by scripts/build-json-schema.mjs', () => {
    expect(schema.$id).toMatch(/^https:\/\/unpkg\.com\/industrial-chain@\d+\.\d+\.\d+.*\/schema\/dataset\.schema\.json$/u);
    expect(schema.title).toContain('产业链');
  });
});
