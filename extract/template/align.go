package template

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Costs and rewards of the alignment. A row's label similarity is in
// [0, 1]; a value count that fits the expected row adds fitBonus, so a row
// whose label OCR destroyed still takes its place between two good
// matches, while dropping an expected row or leaving a row with values
// unmatched both cost about as much as a poor match gains.
const (
	fitBonus       = 0.5
	nearBonus      = 0.25
	dropCost       = 0.3
	optionalCost   = 0.05
	junkCost       = 0.35
	spanCost       = 0.1 // per extra line joined into one row
	extraValCost   = 0.1 // per extra line carrying values in a join
	maxSpan        = 3
	minOptionalSim = 0.4
	minBlankSim    = 0.5
	// A text row printing a label only may be a row of blanks or the tail
	// of a label wrapped from the line above: it stands alone only when
	// its label names the row well.
	minTextBlankSim = 0.75
	negInf          = -1e18
	moveSkipLine    = 1
	moveSkipExp     = 2
	moveMatchBase   = 10
)

// match is one expected row aligned with one or more consecutive lines
// (a label broken over lines; the values on whichever line carries them).
type match struct {
	exp         int
	first, last int // lines[first..last]
	vals        int // the line whose values are taken
	conflict    int // another line in the span with different values, or -1
}

// fit scores how well a line's value count suits n expected columns.
func fit(l *line, n int) float64 {
	if l.printed == 0 {
		// A grid row of empty cells: a real row of blanks, or the
		// continuation of a wrapped label. Weak evidence either way.
		return 0.1
	}
	switch {
	case len(l.cands) == n || l.nonBlank == n || l.printed == n:
		return fitBonus
	case l.nonBlank == n-1 || l.nonBlank == n+1:
		return nearBonus
	}
	return 0
}

// align finds the best monotone alignment of the lines found to the rows
// expected, allowing expected rows to be missing (dropped by the
// publisher), lines to be unmatched (junk, headers) and up to maxSpan
// consecutive lines to form one row.
func align(lines []line, exps []expected) []match {
	n, m := len(lines), len(exps)
	if n == 0 || m == 0 {
		return nil
	}
	// Similarity of every span of 1..maxSpan lines to every expected row,
	// through an index of the expected labels' bigrams.
	ix := indexFor(exps)
	// One allocation for the similarities and the DP table.
	nSims := n * (maxSpan + 1) * m
	floats := make([]float64, nSims+(n+1)*(m+1))
	sims := floats[:nSims]
	simAt := func(i, k, j int) float64 { return sims[(i*(maxSpan+1)+k)*m+j] }
	work := make([]int32, len(ix.formLen))
	runes := make([]int, n) // rune count of each label
	for i := range lines {
		runes[i] = utf8.RuneCountInString(lines[i].label)
	}
	for i := range lines {
		// The span's label is lines[i..i+k-1] joined; only its rune
		// count and last rune are needed unless a part is too short for
		// joinBigrams.
		bg := lines[i].bg
		labLen, labLast := runes[i], lastRune(lines[i].label)
		for k := 1; k <= maxSpan && i+k-1 < n; k++ {
			if k > 1 {
				next := &lines[i+k-1]
				if joined := joinBigrams(bg, next.bg, labLast, firstRune(next.label),
					labLen, runes[i+k-1]); joined != nil {
					bg = joined
				} else {
					var lab strings.Builder
					for x := i; x < i+k; x++ {
						lab.WriteString(lines[x].label)
					}
					bg = makeBigrams(lab.String())
				}
				labLen += runes[i+k-1]
				if next.label != "" {
					labLast = lastRune(next.label)
				}
			}
			off := (i*(maxSpan+1) + k) * m
			ix.scores(bg, work, sims[off:off+m])
		}
	}
	dp := floats[nSims:]
	move := make([]int8, (n+1)*(m+1))
	at := func(i, j int) int { return i*(m+1) + j }
	for i := range dp {
		dp[i] = negInf
	}
	dp[0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			cur := dp[at(i, j)]
			if cur == negInf {
				continue
			}
			if i < n {
				// Leaving out a line costs what it would lose: numbers
				// cost, a header or a row of empty cells next to nothing.
				c := 0.0
				switch {
				case lines[i].printed > 0:
					c = junkCost
				case lines[i].rowish():
					c = optionalCost
				}
				if v := cur - c; v > dp[at(i+1, j)] {
					dp[at(i+1, j)], move[at(i+1, j)] = v, moveSkipLine
				}
			}
			if j < m {
				c := dropCost
				if exps[j].optional {
					c = optionalCost
				}
				if v := cur - c; v > dp[at(i, j+1)] {
					dp[at(i, j+1)], move[at(i, j+1)] = v, moveSkipExp
				}
			}
			if i >= n || j >= m {
				continue
			}
			valLine, valLines := -1, 0
			for k := 1; k <= maxSpan && i+k <= n; k++ {
				l := &lines[i+k-1]
				if l.heading != secNone {
					break
				}
				if l.printed > 0 {
					valLines++
					if valLine < 0 || lines[valLine].printed == 0 {
						valLine = i + k - 1
					}
				} else if l.rowish() && valLine < 0 {
					// A grid row of blanks: values only if no line of
					// the span prints a number.
					valLine = i + k - 1
				}
				if valLine < 0 {
					continue
				}
				sim := simAt(i, k, j)
				// Position alone may place a row whose label is garbled,
				// but only on numbers, and only for a row the template
				// always has: an optional row or a row of empty cells
				// must also be named.
				if exps[j].optional && sim < minOptionalSim || lines[valLine].printed == 0 && sim < minBlankSim ||
					lines[valLine].printed == 0 && !lines[valLine].grid && sim < minTextBlankSim {
					continue
				}
				// The fit of the values counts fully once the label
				// agrees a little, half when only position speaks for it.
				s := sim + fit(&lines[valLine], len(exps[j].cols))*(0.5+min(sim, 0.5)) -
					spanCost*float64(k-1) - extraValCost*float64(valLines-1)
				if v := cur + s; v > dp[at(i+k, j+1)] {
					dp[at(i+k, j+1)], move[at(i+k, j+1)] = v, int8(moveMatchBase+k)
				}
			}
		}
	}
	var out []match
	i, j := n, m
	for i > 0 || j > 0 {
		switch mv := int(move[at(i, j)]); {
		case mv == moveSkipLine:
			i--
		case mv == moveSkipExp:
			j--
		case mv > moveMatchBase:
			k := mv - moveMatchBase
			mt := match{exp: j - 1, first: i - k, last: i - 1, vals: -1, conflict: -1}
			for x := i - k; x < i; x++ {
				if lines[x].printed == 0 {
					continue
				}
				if mt.vals < 0 {
					mt.vals = x
				} else if mt.conflict < 0 && !sameValues(&lines[mt.vals], &lines[x]) {
					mt.conflict = x
				}
			}
			if mt.vals < 0 {
				for x := i - k; x < i; x++ {
					if lines[x].rowish() {
						mt.vals = x
						break
					}
				}
			}
			out = append(out, mt)
			i, j = i-k, j-1
		default:
			// Unreachable for a filled table; stop rather than loop.
			i, j = 0, 0
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func sameValues(a, b *line) bool {
	var x, y []string
	for _, c := range a.cands {
		if !c.blank {
			x = append(x, c.val.num)
		}
	}
	for _, c := range b.cands {
		if !c.blank {
			y = append(y, c.val.num)
		}
	}
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// labelIndex maps each bigram of the expected rows' label forms to the
// forms holding it, so that a found label is scored against every expected
// row in one pass over its own bigrams.
type labelIndex struct {
	post    map[uint64][]posting
	formLen []int
	formExp []int
	nExp    int
}

type posting struct {
	form, count int32
}

var (
	indexMu    sync.Mutex
	indexCache = map[*expected]*labelIndex{}
)

// indexFor returns the index of a list of expected rows, built once per
// list (the lists are package-level, one per template and table).
func indexFor(exps []expected) *labelIndex {
	indexMu.Lock()
	defer indexMu.Unlock()
	if ix, ok := indexCache[&exps[0]]; ok {
		return ix
	}
	ix := &labelIndex{post: map[uint64][]posting{}, nExp: len(exps)}
	for j := range exps {
		for _, f := range exps[j].forms {
			id := int32(len(ix.formLen))
			ix.formLen = append(ix.formLen, len(f))
			ix.formExp = append(ix.formExp, j)
			for a := 0; a < len(f); {
				b := a
				for b < len(f) && f[b] == f[a] {
					b++
				}
				ix.post[f[a]] = append(ix.post[f[a]], posting{id, int32(b - a)})
				a = b
			}
		}
	}
	indexCache[&exps[0]] = ix
	return ix
}

// scores writes into out the best similarity of found to each expected
// row; work is scratch space of one counter per form.
func (ix *labelIndex) scores(found bigrams, work []int32, out []float64) {
	for i := range out {
		out[i] = 0
	}
	if len(found) == 0 {
		return
	}
	for i := range work {
		work[i] = 0
	}
	for a := 0; a < len(found); {
		b := a
		for b < len(found) && found[b] == found[a] {
			b++
		}
		for _, p := range ix.post[found[a]] {
			work[p.form] += min(int32(b-a), p.count)
		}
		a = b
	}
	for f, c := range work {
		if c == 0 {
			continue
		}
		wr := 0.75
		if ix.formLen[f] <= 2 {
			wr = 0.5
		}
		s := wr*float64(c)/float64(ix.formLen[f]) + (1-wr)*float64(c)/float64(len(found))
		if j := ix.formExp[f]; s > out[j] {
			out[j] = s
		}
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
