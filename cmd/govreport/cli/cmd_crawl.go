package cli

import (
	"errors"
	"fmt"

	"github.com/govreport/govreport/crawl"
	"github.com/spf13/cobra"
)

func init() {
	crawl.Version = version
	register(newCrawlCmd)
}

func newCrawlCmd(env *Env) *cobra.Command {
	var sources string
	cmd := &cobra.Command{
		Use:   "crawl --sources FILE",
		Short: "Find and store annual reports from the portals in a sources file",
		Long: `crawl finds every 政府信息公开工作年度报告 (and its attachments) under the portal
columns listed in a sources file and stores the bytes under DATA/raw, with the
crawl state in the documents table of DATA/govreport.duckdb. It never parses
reports: "govreport extract" reads what crawl stored.

The crawler is polite: it obeys robots.txt (Disallow, Allow, Crawl-delay), keeps
to a rate per host with one connection per host, backs off on 429 and 5xx
honouring Retry-After, and sends an honest User-Agent. Every page already seen
is fetched with a conditional GET, so a second run costs almost nothing; a crawl
stopped at any moment (Ctrl-C, SIGTERM) resumes where it left off.

Failures of single URLs are recorded in documents.error and do not fail the
run. The exit status is non-zero only when the run itself could not proceed
(bad sources file, unwritable data directory) or was interrupted.

Example sources file (every key under crawl: optional, defaults shown):

  crawl:
    user_agent: "govreport/<version> (+https://github.com/govreport/govreport)"
    rate_per_host: 1        # requests per second per host
    timeout: 30s
    max_body: 50MB
    retries: 4
    max_crawl_delay: 30s    # a longer robots.txt Crawl-delay is cut to this, with a warning
  sources:
    - name: panyu                      # unique
      start: [https://www.example.gov.cn/xxgk/ndbg/index.html]
      allow: [https://www.example.gov.cn/]   # optional; default: the start URLs' hosts
      agency: 广州市番禺区人民政府          # optional hints for extraction
      region: {province: 广东省, city: 广州市, county: 番禺区}
      dialect: auto                    # auto | html | trs | jpaas | gkmlpt

See examples/sources.yaml for more.`,
		Example: `  govreport crawl --sources sources.yaml --data data`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if sources == "" {
				return errors.New("crawl: --sources FILE is required (see govreport crawl --help)")
			}
			cfg, err := crawl.LoadConfig(sources)
			if err != nil {
				return err
			}
			cr, err := newCrawler(env, cfg)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			sum, err := cr.Run(ctx)
			fmt.Fprintln(env.Stdout, sum.String())
			return err
		},
	}
	cmd.Flags().StringVar(&sources, "sources", "", "sources file (YAML) listing the portal columns to crawl")
	return cmd
}

// newCrawler makes a crawler over env's data directory, with a progress
// bar when stderr is a terminal.
func newCrawler(env *Env, cfg *crawl.Config) (*crawl.Crawler, error) {
	var opts []crawl.Option
	if isTerminal(env.Stderr) {
		opts = append(opts, crawl.WithProgress(env.Stderr))
	}
	return crawl.New(cfg, env.DataDir, env.Log, opts...)
}
