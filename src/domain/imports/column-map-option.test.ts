import { describe, expect, it } from 'vitest';
import { parseColumnMapJson, parseColumnMapOption } from './column-map-option';

describe('parseColumnMapOption', () => {
  it('reads target=Source pairs, with quotes around headers holding commas', () => {
    expect(parseColumnMapOption('external_id=Customer Ref, name = Company ,region="Country, Region"')).toEqual({
      ok: true,
      value: { external_id: 'Customer Ref', name: 'Company', region: 'Country, Region' },
    });
  });

  it('refuses entries without "=", without a side, or mapped twice', () => {
    expect(parseColumnMapOption('name')).toEqual({ ok: false, reason: '"name" has no "="; write target=Source Header, e.g. name=Company Name' });
    expect(parseColumnMapOption('name=')).toEqual({
      ok: false,
      reason: '"name=" needs both a target field and a source header, e.g. name=Company Name',
    });
    expect(parseColumnMapOption('name=A,name=B')).toEqual({ ok: false, reason: '"name" is mapped twice; map each field once' });
  });
});

describe('parseColumnMapJson', () => {
  it('reads a JSON object of target to header', () => {
    expect(parseColumnMapJson('{"name": " Company "}')).toEqual({ ok: true, value: { name: 'Company' } });
  });

  it('refuses anything else', () => {
    expect(parseColumnMapJson('[1]')).toEqual({
      ok: false,
      reason: 'must be a JSON object of target field to source header, e.g. {"name": "Company Name"}',
    });
    expect(parseColumnMapJson('{"name": 3}')).toEqual({
      ok: false,
      reason: 'maps "name" to 3; each value must be a header name (a non-empty string)',
    });
    expect(parseColumnMapJson('{name').ok).toBe(false);
  });
});
