import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Imports that would run upwards, from pure code to what renders or wires it. */
const UPWARD = {
  group: ['**/plugins/*', '**/commands/*', '**/widgets/*', '**/mime/*'],
  message:
    'Models, charts, reports and the engine do not import widgets, commands, plugins or renderers.'
};

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'dist/',
      'node_modules/',
      'jupyterlab_model_monitor/',
      '.venv/',
      'test-results/',
      'bench/results/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // Warned, not refused: parsed JSON is `any` at the edges; new code should say its types.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: 'error',
      curly: ['error', 'all']
    }
  },
  {
    // The engine is pure TypeScript that runs in Node, a Web Worker and jest alike: only its Node
    // layer (node/, cli.ts) touches Node, and no engine file knows JupyterLab or Lumino.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/node/**', 'src/engine/cli.ts', 'src/engine/wasm/assembly/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@jupyterlab/*', '@lumino/*'],
              message: 'The engine is pure TypeScript: no JupyterLab or Lumino.'
            },
            {
              regex:
                '^(node:)?(fs|path|os|child_process|worker_threads|crypto|url|stream|util|zlib|http|https|net|events)(/.*)?$',
              message: 'Only src/engine/node/ may use Node built-ins.'
            },
            {
              group: ['**/node/*', '../cli', './cli'],
              message: 'The Node layer sits on top of the engine: nothing below imports it.'
            },
            UPWARD
          ]
        }
      ]
    }
  },
  {
    // Readers, profiles, formats, documents and checks sit below the run pipeline, which wires
    // them: they do not import it (errors.ts, beside them, is shared by every layer).
    files: [
      'src/engine/io/**/*.ts',
      'src/engine/profile/**/*.ts',
      'src/engine/format/**/*.ts',
      'src/engine/documents/**/*.ts',
      'src/engine/monitor/**/*.ts',
      'src/engine/baseline/**/*.ts',
      'src/engine/wasm/*.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/pipeline/*', '**/records/*', '**/browser/*', '**/node/*'],
              message: 'Lower engine layers do not import the pipeline or what runs it.'
            },
            {
              group: ['@jupyterlab/*', '@lumino/*'],
              message: 'The engine is pure TypeScript: no JupyterLab or Lumino.'
            },
            {
              regex:
                '^(node:)?(fs|path|os|child_process|worker_threads|crypto|url|stream|util|zlib|http|https|net|events)(/.*)?$',
              message: 'Only src/engine/node/ may use Node built-ins.'
            },
            UPWARD
          ]
        }
      ]
    }
  },
  {
    // Models hold state and logic; widgets render: neither imports a plugin or a command.
    files: [
      'src/models/**/*.ts',
      'src/charts/**/*.ts',
      'src/report/**/*.ts',
      'src/engine/node/**/*.ts'
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [UPWARD] }] }
  },
  {
    // AssemblyScript: integer literals are exact 64-bit values there, not doubles.
    files: ['src/engine/wasm/assembly/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' }
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly'
      }
    }
  }
);
