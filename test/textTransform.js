// Jest transform for files the CLI bundle holds as text (esbuild's text loader in build-cli.mjs).
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  }
};
