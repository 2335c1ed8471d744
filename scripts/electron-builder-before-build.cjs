// @ts-check
/**
 * electron-builder `beforeBuild` hook. Resolving false means "node_modules are handled outside electron-builder":
 * it then neither rebuilds nor copies them. Everything the app runs is bundled into dist/ (Vite for the renderer,
 * rolldown for main and preload), and there are no native modules, so shipping node_modules would only add the
 * sources of antd, React and the fonts to the package a second time.
 */
module.exports = async function beforeBuild() {
  return false;
};
