// Stand-in for SheetJS (see package.json): any use is a bug in how we call SDEverywhere.
function unavailable() {
  throw new Error('xlsx is stubbed in Symbiose: Excel data inputs are not supported in benchmarks and cross-checks');
}
// set_fs is called when SDEverywhere loads, so it must exist and do nothing.
module.exports = { readFile: unavailable, read: unavailable, utils: {}, set_fs: () => {} };
