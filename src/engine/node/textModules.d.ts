/** Files the CLI bundle holds as text (esbuild's text loader; jest's test/textTransform.js). */
declare module '*.py' {
  const text: string;
  export default text;
}
