// Two projects: the engine runs in Node, the UI in jsdom. JupyterLab and vega ship ES modules,
// so ts-jest also transforms those packages' JavaScript for the UI project.
const esModules = [
  '@jupyterlab',
  '@jupyter',
  '@lumino',
  '@microsoft',
  'vega',
  'vega-[a-z-]+',
  'd3-[a-z-]+',
  'delaunator',
  'robust-predicates',
  'internmap',
  'lib0',
  'y-protocols',
  'yjs',
  'exenv-es6',
  'apache-arrow',
  'flatbuffers'
].join('|');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }];

module.exports = {
  globalSetup: '<rootDir>/test/globalSetup.js',
  projects: [
    {
      displayName: 'engine',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/engine'],
      testMatch: ['**/*.test.ts'],
      transform: {
        '^.+\\.tsx?$': tsJest,
        '^.+\\.m?jsx?$': tsJest,
        '^.+\\.py$': '<rootDir>/test/textTransform.js'
      },
      transformIgnorePatterns: [`/node_modules/(?!(${esModules})/)`]
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/ui'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/ui/setup.js'],
      moduleNameMapper: { '\\.(css|less|svg)$': '<rootDir>/test/ui/styleMock.js' },
      transform: { '^.+\\.tsx?$': tsJest, '^.+\\.m?jsx?$': tsJest },
      transformIgnorePatterns: [`/node_modules/(?!(${esModules})/)`]
    }
  ]
};
