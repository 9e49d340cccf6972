package cli

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/govreport/govreport/crawl/demoportal"
)

func init() { register(newDemoportalCmd) }

func newDemoportalCmd(env *Env) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demoportal",
		Short: "Serve the embedded demo portal until interrupted",
		Long: `Serve the embedded demo portal: four report columns laid out like real
government portals (TRS, an old GBK site, 大汉 jpaas, Guangdong gkmlpt) with
reports of four bodies over 2019–2025, decoys and a robots.txt. "govreport run"
without --sources crawls the same portal on a free loopback port; this command
serves it alone, for a browser or a sources.yaml of your own.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			// Listen for Ctrl-C before saying where the portal is, so that
			// an interrupt right after the banner is not lost.
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
			defer signal.Stop(sig)
			url, stop, err := demoportal.Start(addr)
			if err != nil {
				return err
			}
			defer stop()
			out := env.Stdout
			fmt.Fprintf(out, "demo portal at %s (Ctrl-C to stop)\n\nsources:\n", url)
			for _, s := range demoportal.Sources(url) {
				fmt.Fprintf(out, "  - name: %s\n    start: [%s]\n    dialect: %s\n", s.Name, s.Start[0], s.Dialect)
			}
			select {
			case <-sig:
			case <-ctx.Done():
			}
			fmt.Fprintln(out, "stopped")
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	return cmd
}
