// Renders Vega-Lite specifications to SVG with the vendored Vega and Vega-Lite bundles.
// Usage: node render-charts.cjs <folder with vega.min.js and vega-lite.min.js>
// Reads a JSON array of specifications on stdin; writes a JSON array of SVG documents (or {"error": ...}) on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const folder = process.argv[2];
// The bundles are UMD: run outside a module wrapper, they attach vega and vegaLite to the global object.
vm.runInThisContext(fs.readFileSync(path.join(folder, 'vega.min.js'), 'utf8'));
vm.runInThisContext(fs.readFileSync(path.join(folder, 'vega-lite.min.js'), 'utf8'));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
  const results = [];
  for (const spec of JSON.parse(input)) {
    try {
      const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
      results.push(await view.toSVG());
      view.finalize();
    } catch (error) {
      results.push({ error: String(error && error.message || error) });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
