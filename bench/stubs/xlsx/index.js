// Stand-in for SheetJS (see package.json): any use is a bug in how we call SDEverywhere.
function unavailable() {
  throw new Error('xlsx is stubbed in Symbiose: Excel data inputs are not supported in benchmarks and cross-checks');
}
module.exports = { readFile: unavailable, read: unavailable, utils: {} };
