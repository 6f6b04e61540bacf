// jest setupFilesAfterEnv of the `cloud` project: every test file gets its own in-memory local cloud with the
// project's database/indexes.json in strict mode (threshold 0: any query no declared index serves fails), emptied
// before each test.
import { localCloud } from '../../tools/local-cloud';

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
});

beforeEach(() => {
  localCloud.reset();
});

afterAll(() => {
  // Closes the database and removes the temporary storage folder of this file's local cloud.
  localCloud.close();
});
