/**
 * The layers' dependencies point one way (see docs/architecture.md):
 * web → contracts; server → core, db, contracts; db → core, contracts; core → contracts; contracts → nothing.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The domain imports nothing but itself and the shared contracts: no node:*, no database, no server.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^src/contracts/'] },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'Contracts are shared with the browser: only zod and themselves.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { pathNot: ['^src/contracts/', 'node_modules/zod/'] },
    },
    {
      name: 'db-below-server',
      comment: 'Repositories hold SQL, not HTTP or services.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: ['^src/server/', '^src/web/', '^src/cli/'] },
    },
    {
      name: 'web-talks-through-contracts',
      comment: 'The browser code knows the server only through the contracts.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: ['^src/server/', '^src/db/', '^src/core/', '^src/cli/'] },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
