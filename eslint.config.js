import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        TextDecoder: 'readonly'
      }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // Untrusted text reaches the runner and the terminal only through one sink each, made safe
    // by src/domain/text/plain.ts: src/action/log.ts and src/cli/terminal.ts.
    files: ['src/**/*.ts'],
    ignores: ['src/action/log.ts', 'src/cli/terminal.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='core'][property.name=/^(info|debug|warning|error|notice|startGroup|endGroup|group|setFailed|setSecret|setOutput|summary)$/]",
          message: 'Log, annotate, mask and write outputs through src/action/log.ts.'
        },
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name=/^(stdout|stderr)$/][property.name='write']",
          message: 'Write to the terminal through src/cli/terminal.ts.'
        },
        {
          selector: "MemberExpression[object.name='console']",
          message: 'Write to the terminal through src/cli/terminal.ts.'
        },
        {
          selector:
            "ImportDeclaration[source.value='@actions/core'] > ImportSpecifier[imported.name=/^(info|debug|warning|error|notice|startGroup|endGroup|group|setFailed|setSecret|setOutput|summary)$/]",
          message: 'Log, annotate, mask and write outputs through src/action/log.ts.'
        },
        {
          // Any other name would slip past the rule on core.info and friends above.
          selector:
            "ImportDeclaration[source.value='@actions/core'] > ImportNamespaceSpecifier[local.name!='core']",
          message: 'Import @actions/core as core, so the rules above can see what is used.'
        }
      ]
    }
  }
)
