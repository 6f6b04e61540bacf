// Deployment settings of the mini program. `cloudEnv` is the WeChat Cloud environment id; empty means the
// environment the mini program was uploaded with (the default one). See docs/deploy.md.
export const config = {
  cloudEnv: '',
  functionName: 'api',
};
