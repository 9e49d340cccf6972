package cli

import (
	"context"
	"errors"
)

// extractStore extracts every stored document not yet extracted by the
// current extractor version.
func extractStore(ctx context.Context, env *Env, opts extractOptions) error {
	return errors.New("extract --data: not implemented")
}
