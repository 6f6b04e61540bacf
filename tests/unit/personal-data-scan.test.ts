// The personal-data scan (tests/helpers/personal-data.ts) that the security suites rely on: it must find a phone
// number wherever a person's could appear, and not cry wolf at a download link's signature.
import { personalDataLeaks } from '../helpers/personal-data';

const none = { openids: [], names: [] };

test('a mobile or landline number in any string of the answer is a leak', () => {
  expect(personalDataLeaks({ data: { note: '请联系 13912345678' } }, none)).toEqual(['phone: 13912345678 at $.data.note']);
  expect(personalDataLeaks(['0534-9534141'], none)).toEqual(['phone: 0534-9534141 at $[0]']);
});

test("a download link's query (expiry, signature) is not scanned, its path is", () => {
  const signed = 'http://127.0.0.1:3000/files/policies/a.pdf?t=1796000000&sign=05349534141ab';
  expect(personalDataLeaks({ url: signed }, none)).toEqual([]);
  expect(personalDataLeaks({ url: 'http://127.0.0.1:3000/files/13912345678.pdf?t=1&sign=00' }, none)).toEqual(['phone: 13912345678 at $.url']);
});

test("a record's random hex id is not scanned for phone shapes; a phone inside other text still is", () => {
  expect(personalDataLeaks({ id: '508f06e3f0755580e775d61da195869c', items: [{ id: 'd09620640512e775d61da195869c508f' }] }, none)).toEqual([]);
  expect(personalDataLeaks({ id: 'ref-d09620640512e' }, none)).toEqual(['phone: 09620640512 at $.id']);
});

test('numbers the agency publishes are not leaks', () => {
  expect(personalDataLeaks('办公电话 0534-2620000', { ...none, published: ['0534-2620000'] })).toEqual([]);
});
