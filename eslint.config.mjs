import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-require-imports': 'off',
      eqeqeq: 'error',
      curly: ['error', 'all']
    }
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
