package pdfdoc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// memoryLimitPages caps the WebAssembly memory of the pdfium instance
// (64 KiB pages: 8192 = 512 MiB), so a hostile file fails inside the
// sandbox instead of exhausting the host.
const memoryLimitPages = 8192

var (
	poolOnce sync.Once
	pool     pdfium.Pool
	poolErr  error
)

// cacheDir is where wazero keeps compiled machine code of the pdfium module:
// compiling takes seconds, loading the cache a tenth of that.
func cacheDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		dir := filepath.Join(d, "govreport", "wazero")
		if os.MkdirAll(dir, 0o755) == nil {
			return dir
		}
	}
	dir := filepath.Join(os.TempDir(), "govreport-wazero")
	if os.MkdirAll(dir, 0o755) == nil {
		return dir
	}
	return ""
}

// getPool starts the one pdfium WebAssembly runtime of the process on first
// use. It keeps up to one instance per CPU (at most maxInstances): each
// document borrows one and gives it back, so concurrent callers are safe and
// memory stays bounded (each instance is capped at memoryLimitPages).
func getPool() (pdfium.Pool, error) {
	poolOnce.Do(func() {
		cfg := wazero.NewRuntimeConfig().
			// pdfium's setjmp/longjmp is lowered to Wasm exception
			// handling: without this feature the module does not compile.
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithCloseOnContextDone(true).
			WithMemoryLimitPages(memoryLimitPages)
		if dir := cacheDir(); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				cfg = cfg.WithCompilationCache(cache)
			}
		}
		pool, poolErr = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       instances(),
			MaxTotal:      instances(),
			ReuseWorkers:  true,
			RuntimeConfig: cfg,
			// Mount nothing: documents are passed as bytes, and a
			// sandbox without the host file system is safer.
			FSConfig: wazero.NewFSConfig(),
			Stdout:   discard{},
			Stderr:   discard{},
		})
		if poolErr != nil {
			poolErr = fmt.Errorf("start pdfium: %w", poolErr)
		}
	})
	return pool, poolErr
}

// maxInstances caps the pdfium instances kept alive.
const maxInstances = 4

func instances() int { return max(1, min(runtime.NumCPU(), maxInstances)) }

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// withInstance runs fn on the shared pdfium instance. When ctx ends first,
// the instance is killed (the Wasm call is interrupted) and a fresh one is
// made for the next document.
func withInstance(ctx context.Context, fn func(pdfium.Pdfium) error) error {
	p, err := getPool()
	if err != nil {
		return err
	}
	inst, err := p.GetInstanceWithContext(ctx)
	if err != nil {
		return fmt.Errorf("get pdfium instance: %w", err)
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("pdfium: %v", r)
			}
		}()
		done <- fn(inst)
	}()
	select {
	case err := <-done:
		inst.Close()
		return err
	case <-ctx.Done():
		inst.Kill()
		<-done
		return fmt.Errorf("pdf: %w", ctx.Err())
	}
}
