import { describe, it, expect } from 'vitest';
import { allDivisions, divisionsForShortName, divisionsNamed } from '../src/lexicon/regions.js';

const SUFFIXES = ['', '市', '地区', '州', '盟', '区', '县', '自治州'];
/** The definition: the divisions named `name + suffix`, suffix by suffix. */
const byDefinition = (name: string) => SUFFIXES.flatMap((suffix) => divisionsNamed(name + suffix));

describe('divisionsForShortName', () => {
  it('finds a city printed without its suffix, and a name printed in full', () => {
    expect(divisionsForShortName('济南').map((d) => d.name)).toEqual(['济南市']);
    expect(divisionsForShortName('大兴安岭').map((d) => d.name)).toEqual(['大兴安岭地区']);
    expect(divisionsForShortName('济南市').map((d) => d.name)).toEqual(['济南市']);
    expect(divisionsForShortName('省直')).toEqual([]);
    expect(divisionsForShortName('')).toEqual([]);
  });

  it('lists a name shared by several divisions in every province that has one (朝阳区: Beijing and Changchun)', () => {
    const provinces = divisionsForShortName('朝阳区').map((d) => d.provinceCode);
    expect(provinces).toContain('11');
    expect(provinces).toContain('22');
  });

  it('gives the same divisions in the same order as looking up each suffixed name, for every division name and its stem', () => {
    const names = new Set<string>();
    for (const d of allDivisions()) {
      names.add(d.name);
      for (const s of SUFFIXES) if (s && d.name.endsWith(s)) names.add(d.name.slice(0, d.name.length - s.length));
    }
    for (const name of names) expect(divisionsForShortName(name), name).toEqual(byDefinition(name));
  });
});
