package pdfdoc

import "errors"

// Errors a caller may test for with errors.Is.
var (
	// ErrEncrypted: the file needs a password (or uses an unsupported
	// security handler); nothing can be read without it.
	ErrEncrypted = errors.New("pdf is encrypted")
	// ErrDamaged: the file is not a readable PDF (truncated, corrupt).
	ErrDamaged = errors.New("pdf is damaged or truncated")
	// ErrTooLarge: the file exceeds a limit set to bound time and memory.
	ErrTooLarge = errors.New("pdf too large")
)

// Limits that bound the work one document can cause.
const (
	// MaxPages: reports have a handful of pages; a file with more is
	// refused ("too many pages") rather than read for minutes.
	MaxPages          = 200
	maxCharsPerPage   = 200000
	maxObjectsPerPage = 100000
	// maxRuleThickness: a path thinner than this (points) in one direction
	// counts as a ruling line.
	maxRuleThickness = 2.5
	// maxBodyGlyph: a loose char box wider or taller than this (points)
	// is checked against the tight box (titles stay under it).
	maxBodyGlyph = 40
	// maxPathSegments: a stroked path with more segments is a drawing,
	// not a table grid, and is not decomposed into lines.
	maxPathSegments = 2000
	maxRulesPerPage = 20000
)
