/** @type {import('xo').FlatXoConfig} */
const xoConfig = [
	{
		ignores: ['dist/**', 'coverage/**'],
	},
	{
		prettier: true,
		react: true,
		rules: {
			'react/prop-types': 'off',
			'react/react-in-jsx-scope': 'off',
			'unicorn/prevent-abbreviations': 'off',
			'unicorn/no-process-exit': 'off',
			'n/prefer-global/process': 'off',
			'n/prefer-global/buffer': 'off',
			'no-await-in-loop': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
			'@typescript-eslint/naming-convention': 'off',
			'unicorn/no-array-callback-reference': 'off',
			'no-control-regex': 'off',
			'capitalized-comments': 'off',
			'react/boolean-prop-naming': 'off',
			'promise/prefer-await-to-then': 'off',
		},
	},
];

export default xoConfig;
