// Package independent holds the held-out evaluation of the extractor: a
// generator of synthetic but realistic annual reports (gen), a scorer that
// runs the extractor in-process on every generated document and compares it
// with the values the generator drew (score), and a test that runs the
// scorer on the holdout batch. The expected values never come from the
// extractor: they are the numbers the generator drew before rendering them.
package independent
