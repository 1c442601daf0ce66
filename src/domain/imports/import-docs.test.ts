import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importKinds } from './import-fields';
import { importKindDefinition } from './import-kinds';
import { findImportPreset, importPresetNames } from './import-presets';

const docs = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/imports.md'), 'utf8');

/** Keeps docs/imports.md true to the code: every field, required column and preset header is documented. */
describe('docs/imports.md', () => {
  it('documents every field of every kind, with its required mark', () => {
    for (const kind of importKinds) {
      const section = docs.split(`### ${kind}\n`)[1]?.split('\n### ')[0] ?? '';
      for (const field of importKindDefinition(kind).fields) {
        const line = section.split('\n').find((text) => text.startsWith(`| \`${field.name}\` |`));
        expect({ kind, field: field.name, documented: line !== undefined }).toEqual({ kind, field: field.name, documented: true });
        expect({ kind, field: field.name, required: line!.split('|')[2]!.trim() === 'yes' }).toEqual({
          kind,
          field: field.name,
          required: Boolean(field.required),
        });
      }
    }
  });

  it('lists the exact headers each preset reads', () => {
    for (const name of importPresetNames) {
      const section = docs.split(`### ${name} `)[1]?.split('\n### ')[0] ?? '';
      for (const header of Object.values(findImportPreset(name)!.columns)) {
        expect({ name, header, documented: section.includes(`| \`${header}\` |`) }).toEqual({ name, header, documented: true });
      }
    }
  });
});
