import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { agencyKeyOf, sameAgency } from '../../lib/model/agency-key.ts';

// Characters of place names, without those that end a division or belong to a body's name.
const PLACE = [...'安宁泰和平江山河清阳东西南北兴隆华盛德福永长海湖林泉溪云丰庆嘉瑞源丹桂鹿鸣宝昌吉祥金水玉洪泽淮宿迁鹤岗沭泗睢邳丰沛'];
const BODIES = [
  '商务局',
  '住房和城乡建设局',
  '市场监督管理局',
  '自然资源和规划局',
  '教育局',
  '卫生健康委员会',
  '发展和改革委员会',
  '人力资源和社会保障局',
  '农业农村局',
  '生态环境局',
  '交通运输局',
  '民政局',
  '城市管理局',
  '行政审批局',
  '文化广电和旅游局',
  '医疗保障局',
  '退役军人事务局',
  '科学技术局',
];
/** How a government's own report names its author: the government or its office. */
const GOVERNMENT = ['人民政府', '政府', '人民政府办公室', '政府办公室', '人民政府办公厅'];
const NOTES = ['', '（全市汇总）', '(本级)', '【2023】'];

const placeName = fc.array(fc.constantFrom(...PLACE), { minLength: 2, maxLength: 3 }).map((a) => a.join(''));
const agencyArb = fc.record({
  province: placeName.map((n) => `${n}省`),
  city: fc.tuple(placeName, fc.boolean()).map(([n, zhou]) => `${n}${zhou ? '州' : ''}市`),
  district: fc.tuple(placeName, fc.constantFrom('区', '县', '市', '新区')).map(([n, s]) => `${n}${s}`),
  government: fc.boolean(),
  body: fc.constantFrom(...BODIES),
});
type Agency = { province: string; city: string; district: string; government: boolean; body: string };

/** One way a publisher prints the agency's name. */
const spelling = (a: Agency) =>
  fc
    .record({
      province: fc.boolean(),
      city: fc.boolean(),
      government: fc.constantFrom(...GOVERNMENT),
      note: fc.constantFrom(...NOTES),
      spaces: fc.boolean(),
    })
    .map((v) => {
      const body = a.government ? v.government : a.body;
      const name = `${v.city && v.province ? a.province : ''}${v.city ? a.city : ''}${a.district}${body}${v.note}`;
      return v.spaces ? [...name].join(' ').replace('  ', ' ') : name;
    });

describe('agency key', () => {
  it('gives every spelling of one agency the same key', () => {
    fc.assert(
      fc.property(
        agencyArb.chain((a) => fc.tuple(fc.constant(a), fc.array(spelling(a), { minLength: 2, maxLength: 6 }))),
        ([agency, names]) => {
          const keys = new Set(names.map(agencyKeyOf));
          assert.equal(keys.size, 1, `${JSON.stringify(agency)} ${names.join(' / ')} → ${[...keys].join(' / ')}`);
          for (const a of names) for (const b of names) assert.ok(sameAgency(a, b), `${a} / ${b}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps different agencies apart: another district or another body is another key', () => {
    fc.assert(
      fc.property(agencyArb, agencyArb, (a, b) => {
        const bodyOf = (x: Agency) => (x.government ? '人民政府' : x.body);
        fc.pre(a.district !== b.district || bodyOf(a) !== bodyOf(b));
        assert.notEqual(agencyKeyOf(`${a.city}${a.district}${bodyOf(a)}`), agencyKeyOf(`${b.city}${b.district}${bodyOf(b)}`));
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart two places that share a district name when both names print their city', () => {
    fc.assert(
      fc.property(agencyArb, placeName, (a, other) => {
        const otherCity = `${other}市`;
        fc.pre(otherCity !== a.city);
        const here = `${a.city}${a.district}人民政府`;
        assert.equal(agencyKeyOf(here), agencyKeyOf(`${otherCity}${a.district}人民政府`));
        assert.equal(sameAgency(here, `${otherCity}${a.district}人民政府`), false);
        assert.equal(sameAgency(here, `${a.district}人民政府`), true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the names of published reports', () => {
    assert.equal(agencyKeyOf('淮安市洪泽区人民政府'), '洪泽区人民政府');
    assert.equal(agencyKeyOf('洪泽区人民政府'), '洪泽区人民政府');
    assert.equal(agencyKeyOf('江苏省宿迁市人民政府（全市汇总）'), '宿迁市人民政府');
    assert.equal(agencyKeyOf('宿迁市政府办公室'), '宿迁市人民政府');
    assert.equal(agencyKeyOf('浙江省杭州市西湖区人民政府'), '西湖区人民政府');
    assert.equal(agencyKeyOf('济南市市中区人民政府'), '市中区人民政府');
    assert.equal(agencyKeyOf('宿迁市市场监督管理局'), '宿迁市市场监督管理局');
    assert.equal(agencyKeyOf('宿迁市城市管理局'), '宿迁市城市管理局');
    assert.equal(agencyKeyOf('淮安市住房和城乡建设局'), '淮安市住房和城乡建设局');
    assert.equal(agencyKeyOf('上海市科学技术委员会'), '上海市科学技术委员会');
    assert.equal(agencyKeyOf('平潭综合实验区'), '平潭综合实验区');
    assert.equal(agencyKeyOf(null), null);
    assert.equal(agencyKeyOf('  '), null);
  });
});
