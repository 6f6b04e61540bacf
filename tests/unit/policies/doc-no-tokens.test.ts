import { indexTokens, queryTokens } from '../../../cloudfunctions/api/src/domain/search-tokens';

const holds = (docTokens: string[], query: string) => queryTokens(query).every((t) => docTokens.includes(t));

describe('document numbers as one token', () => {
  test('the number asks for one token, not for its year, serial, 号 or the pairs of its code: an exact lookup', () => {
    expect(queryTokens('国办发〔2020〕53号')).toEqual(['#国办发2020-53']);
    expect(queryTokens('粤府办（２０２２）１５号')).toEqual(['#粤府办2022-15']);
    expect(queryTokens('京政办发[2021]8号')).toEqual(['#政办发2021-8']);
    expect(queryTokens('办发〔2020〕53号')).toEqual(['#办发2020-53']);
  });

  test('whichever part of the code is typed finds the number; another issuer with the same year and serial does not', () => {
    const doc = indexTokens('京政办发〔2021〕8号');
    expect(holds(doc, '京政办发〔2021〕8号')).toBe(true);
    expect(holds(doc, '政办发〔2021〕8号')).toBe(true);
    expect(holds(doc, '办发〔2021〕8号')).toBe(true);
    expect(holds(indexTokens('国办发〔2021〕8号'), '京政发〔2021〕8号')).toBe(false);
    expect(holds(indexTokens('沪府规〔2021〕8号'), '京政发〔2021〕8号')).toBe(false);
  });

  test('a cited number in running text is found; another serial is not', () => {
    const body = indexTokens('根据《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）要求');
    expect(holds(body, '国办发〔2020〕53号')).toBe(true);
    expect(holds(body, '国办发【2020】53号')).toBe(true);
    expect(holds(body, '国办发〔2020〕5号')).toBe(false);
    expect(holds(body, '国办发〔2021〕53号')).toBe(false);
  });

  test('leading zeros and spaces do not matter; a partial number searches as words', () => {
    const t = indexTokens('沪府规〔2021〕05号');
    expect(holds(t, '沪府规 〔 2021 〕 5 号')).toBe(true);
    expect(queryTokens('〔2021〕')).toEqual(['2021']);
  });
});
