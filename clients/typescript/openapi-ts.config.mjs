// @hey-api/openapi-ts (version pinned in package.json / package-lock.json) generates
// src/generated/ from the committed contract. Regenerate with `bash clients/generate.sh`;
// never edit src/generated/ by hand: the hand-written layer is src/stratum.ts.
export default {
  input: '../../openapi/openapi.json',
  output: {
    path: 'src/generated',
    tsConfigPath: './tsconfig.json',
    // Node's ESM resolution (tsconfig `module: NodeNext`) needs explicit extensions.
    module: { extension: '.js' },
  },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
};
