# redress: `make demo` builds and runs the main flow on a throwaway case
# file; `make test` runs every test, including the external validators.

# FTS5 (full-text search) is compiled into go-sqlite3 only with this tag.
# Exported once here so build, test, vet and bench all get it.
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false
export CGO_ENABLED := 1

BIN := bin/redress
GO_FILES := $(shell find . -name '*.go' -not -path './bin/*')

.PHONY: all build install demo test vet fmt-check man clean tools fuzz bench bench-tools

# make install copies the binary into $(PREFIX)/bin: ~/.local/bin unless
# PREFIX says otherwise (make install PREFIX=/usr/local).
PREFIX ?= $(HOME)/.local
BINDIR ?= $(PREFIX)/bin


all: build

build: $(BIN)

$(BIN): $(GO_FILES) go.mod go.sum $(shell find casefile/migrations -name '*.sql')
	go build -o $(BIN) ./cmd/redress

install: build
	@mkdir -p "$(DESTDIR)$(BINDIR)"
	install -m 0755 $(BIN) "$(DESTDIR)$(BINDIR)/redress"
	@case ":$$PATH:" in *":$(BINDIR):"*) ;; \
	*) echo "note: $(BINDIR) is not on your PATH; add it with: export PATH=\"$(BINDIR):\$$PATH\"" ;; esac

# The main flow on a throwaway case file, with a fixed clock so the output
# reads the same every time.
demo: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export REDRESS_DB="$$tmp/cases.db" REDRESS_NOW=2026-11-23T10:00:00+01:00 TZ=Europe/Berlin REDRESS_LANG=en && \
	( set -x && \
	$(BIN) new --title "Refund for headphones" --company Acme --kind refund \
		--amount "49.90 EUR" --purchased 2026-11-02 --return-by 2/12 --jurisdiction eu \
		--problem "Returned on 5 Nov, no refund yet" --outcome "Refund of 49.90 EUR to my card" && \
	$(BIN) ref 1 "order number" ORD-2026-114821 && \
	$(BIN) note 1 "Returned the headphones by post" --at 2026-11-05 && \
	$(BIN) contact 1 --channel call --rep Anna --department billing --duration 25m --summary "agreed to refund" && \
	$(BIN) ticket 1 A-1234 --expected "in 5 days" --contact 1 && \
	$(BIN) promise 1 "refund 49.90 EUR to my card" --due friday --by Anna --contact 1 && \
	$(BIN) list && \
	$(BIN) show 1 && \
	$(BIN) remind list && \
	$(BIN) next 1 )

test: tools vet fmt-check
	go test ./...

# The external validators the tests run (never skip): Python's icalendar
# and calcurse read the .ics exports, Radicale is the CalDAV server of the
# push test (Debian packages; PyPI is not reachable, so not pip), ical.js
# is Mozilla's parser (npm, into the gitignored .tools/node_modules);
# tmux is the real terminal the form tests draw on.
# The dossier test prints an English and a Korean dossier to PDF in
# Debian's chromium (with fonts-noto-cjk for the Korean) and reads it back
# with poppler-utils' pdftotext and pdftoppm.
# Installs only what is missing, so on a machine that has them it costs
# nothing; a failed install stops make test loudly.
tools:
	@missing=""; \
	/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing="$$missing python3-icalendar"; \
	command -v calcurse >/dev/null || missing="$$missing calcurse"; \
	command -v radicale >/dev/null || missing="$$missing radicale"; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	command -v node >/dev/null && command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi
	@[ -f .tools/node_modules/ical.js/package.json ] || (cd .tools && npm ci --no-audit --no-fund)

# Each fuzz target for FUZZTIME (their seed corpora already run in `make
# test`). Targets are found with `go test -list`, so new ones are included.
# Minimizing a new input is capped: import inputs are slow to minimize.
FUZZTIME ?= 15s
fuzz:
	@set -e; for pkg in $$(go list ./...); do \
		for target in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$target ($$pkg)"; \
			go test $$pkg -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s; \
		done; \
	done

vet:
	go vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# make bench: the speed bars of issue 8, measured. Generates a large case
# file (10,000 cases, 200,000 notes; fixed seed), cached in .bench/ until
# the generator or the schema changes, then times whole commands with
# hyperfine and prints a table of medians and peak memory against the
# targets (cmd/redress-benchgen/bench.sh), after the Go benchmarks of the
# store queries and the iCalendar encoder. It fails when a target is
# missed. BENCHMARKS.md holds the last measured table.
BENCH_DB := .bench/cases.db
BENCHGEN := bin/redress-benchgen

bench: build $(BENCHGEN) $(BENCH_DB) bench-tools
	REDRESS_BENCH_DB=$(abspath $(BENCH_DB)) go test -run '^$$' -bench . -benchmem ./casefile ./reminders
	go test -run '^$$' -bench CallLine -benchmem ./cmd/redress
	sh cmd/redress-benchgen/bench.sh $(BIN) $(BENCH_DB) $(BENCH_DB).json

$(BENCHGEN): $(GO_FILES) go.mod go.sum
	go build -o $(BENCHGEN) ./cmd/redress-benchgen

# Depends on the generator's own code and the schema only, so changing a
# command does not regenerate the file.
$(BENCH_DB): $(wildcard casefile/benchgen/*.go) cmd/redress-benchgen/main.go $(wildcard casefile/migrations/*.sql)
	@mkdir -p .bench
	rm -f $(BENCH_DB).tmp*
	go run ./cmd/redress-benchgen -o $(BENCH_DB).tmp > $(BENCH_DB).tmp.json
	mv $(BENCH_DB).tmp.json $(BENCH_DB).json
	mv $(BENCH_DB).tmp $(BENCH_DB)

# hyperfine times the commands; GNU time measures their peak memory.
bench-tools:
	@missing=""; \
	command -v hyperfine >/dev/null || missing="$$missing hyperfine"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

man: build
	$(BIN) man man

clean:
	rm -rf bin man .bench
