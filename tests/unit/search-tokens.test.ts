import { highlight, indexTokens, queryTokens } from '../../cloudfunctions/api/src/domain/search-tokens';

const holds = (docTokens: string[], query: string) => queryTokens(query).every((t) => docTokens.includes(t));

describe('search tokens', () => {
  const title = '国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见';
  const docNo = '国办发〔2020〕24号';
  const tokens = indexTokens(title, docNo, 'COVID-19 疫情期间的 e-Government 服务');

  test('any Chinese substring of two or more characters is found', () => {
    expect(holds(tokens, '营商环境')).toBe(true);
    expect(holds(tokens, '交易成本')).toBe(true);
    expect(holds(tokens, '商环')).toBe(true);
    expect(holds(tokens, '环境优化')).toBe(false);
  });

  test('a single character is found by itself', () => {
    expect(queryTokens('税')).toEqual(['税']);
    expect(holds(tokens, '院')).toBe(true);
    expect(holds(tokens, '税')).toBe(false);
  });

  test('document numbers match with any bracket style and full-width digits', () => {
    expect(holds(tokens, '国办发〔2020〕24号')).toBe(true);
    expect(holds(tokens, '国办发[2020]24号')).toBe(true);
    expect(holds(tokens, '国办发（２０２０）２４号')).toBe(true);
    expect(holds(tokens, '国办发〔2020〕53号')).toBe(false);
  });

  test('ASCII words match case-insensitively, by prefix, mixed with Chinese', () => {
    expect(holds(tokens, 'covid')).toBe(true);
    expect(holds(tokens, 'Cov')).toBe(true);
    expect(holds(tokens, 'government 服务')).toBe(true);
    expect(holds(tokens, 'govern疫情')).toBe(true);
    expect(holds(tokens, 'ovid')).toBe(false);
  });

  test('a query with nothing searchable has no tokens', () => {
    expect(queryTokens('  ，。！ ')).toEqual([]);
  });

  test('index tokens are unique', () => {
    const t = indexTokens('环境环境环境');
    expect(t.sort()).toEqual(['境', '境环', '环', '环境'].sort());
  });

  test('highlight marks the query runs in the original text', () => {
    expect(highlight('优化营商环境的意见', '营商环境')).toEqual([
      { text: '优化', hit: false },
      { text: '营商环境', hit: true },
      { text: '的意见', hit: false },
    ]);
    expect(highlight('COVID-19 对策', 'covid')).toEqual([
      { text: 'COVID', hit: true },
      { text: '-19 对策', hit: false },
    ]);
    expect(highlight('无关内容', '，')).toEqual([{ text: '无关内容', hit: false }]);
  });
});
