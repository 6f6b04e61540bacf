// Jest's transform for the packages' JavaScript: their code unchanged, inside the local-globals wrapper (docs/adr/0167).
const crypto = require('crypto');
const fs = require('fs');
const { withLocalGlobals, WRAPPER_KEY } = require('./local-globals');

const self = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(WRAPPER_KEY).digest('hex');

module.exports = {
  process(source) {
    return { code: withLocalGlobals(source) };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(self).update(filename).update('\0').update(source).digest('hex');
  },
};
