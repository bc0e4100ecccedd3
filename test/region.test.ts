import { describe, expect, it } from 'vitest';
import { inferRegion } from '../src/extract/region.js';
import { splitAgencies } from '../src/lexicon/agencies.js';

const fn = (prefix: string) => ({ raw: '', normalized: '', prefix, year: 2022, serial: 1, span: null });

describe('level and region', () => {
  it('national bodies', () => {
    expect(inferRegion(['人力资源社会保障部', '财政部'], fn('人社部发'), '')).toEqual({ level: 'national', region: null });
  });
  it('a province by its issuers, or by the file-number abbreviation', () => {
    expect(inferRegion(['广西壮族自治区人力资源和社会保障厅'], null, '')).toEqual({ level: 'provincial', region: { name: '广西壮族自治区', code: '450000' } });
    expect(inferRegion([], fn('鲁人社字'), '关于做好2022年脱贫人口稳岗就业工作的通知')).toEqual({ level: 'provincial', region: { name: '山东省', code: '370000' } });
  });
  it('a city: municipal, with its GB/T 2260 code', () => {
    expect(inferRegion(['广州市人力资源和社会保障局'], fn('穗人社发'), '')).toEqual({ level: 'municipal', region: { name: '广东省广州市', code: '440100' } });
    expect(inferRegion(['吉林市人力资源和社会保障局'], null, '')).toEqual({ level: 'municipal', region: { name: '吉林省吉林市', code: '220200' } });
  });
  it('a city the issuer names comes before a file-number abbreviation that reads as a province (宁政发 is Nanjing’s, not 宁夏’s)', () => {
    expect(inferRegion(['南京市人民政府'], fn('宁政发'), '')).toEqual({ level: 'municipal', region: { name: '江苏省南京市', code: '320100' } });
    expect(inferRegion([], fn('宁政发'), '关于加强城市管理的意见')).toEqual({ level: 'provincial', region: { name: '宁夏回族自治区', code: '640000' } });
  });
  it('a district or county: county level', () => {
    expect(inferRegion(['上海市松江区人民政府办公室'], fn('沪松府办'), '')).toEqual({ level: 'county', region: { name: '上海市松江区', code: '310117' } });
    expect(inferRegion(['浦东新区发展和改革委员会'], fn('沪浦发改规'), '')).toEqual({ level: 'county', region: { name: '上海市浦东新区', code: '310115' } });
  });
});

describe('splitting run-together agency names', () => {
  it('provincial names split at each repetition of the province', () => {
    expect(splitAgencies('山东省人力资源和社会保障厅山东省发展和改革委员会山东省财政厅')).toEqual(['山东省人力资源和社会保障厅', '山东省发展和改革委员会', '山东省财政厅']);
  });
  it('central names by the lexicon', () => {
    expect(splitAgencies('人力资源社会保障部发展改革委财政部农业农村部国家乡村振兴局')).toEqual(['人力资源社会保障部', '发展改革委', '财政部', '农业农村部', '国家乡村振兴局']);
  });
  it('a district and its bureaus', () => {
    expect(splitAgencies('上海市青浦区农业农村委员会上海市青浦区财政局')).toEqual(['上海市青浦区农业农村委员会', '上海市青浦区财政局']);
  });
});
