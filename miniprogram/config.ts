// Deployment settings of the mini program. `cloudEnv` is the WeChat Cloud environment id; empty means the
// environment the mini program was uploaded with (the default one). See docs/deploy.md.
export const config = {
  cloudEnv: '',
  functionName: 'api',
  /** The citizen hotline the simplified (长辈模式) home page offers: 12345, the government service hotline. */
  hotline: '12345',
};
