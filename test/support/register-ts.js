'use strict';
/**
 * Lets a plain `node` child process of a test load the server's TypeScript
 * sources as jest does (transpiled one file at a time, no type check), and
 * resolves @mamori/shared to its sources as jest.config.js maps it.
 */
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '../..');
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.base.json'));
const options = { ...compilerOptions, module: 'commonjs', moduleResolution: 'node10', sourceMap: false, inlineSourceMap: false };
const SHARED = path.join(ROOT, 'shared/src/index.ts');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveShared(request, ...rest) {
  return resolve.call(this, request === '@mamori/shared' ? SHARED : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: ts.convertCompilerOptionsFromJson(options, ROOT).options, fileName: filename });
  module._compile(outputText, filename);
};
