# redress: `make demo` builds and runs the main flow on a throwaway case
# file; `make test` runs every test, including the external validators.

# FTS5 (full-text search) is compiled into go-sqlite3 only with this tag.
# Exported once here so build, test, vet and bench all get it.
export GOFLAGS := -tags=sqlite_fts5 -buildvcs=false
export CGO_ENABLED := 1

BIN := bin/redress
GO_FILES := $(shell find . -name '*.go' -not -path './bin/*')

.PHONY: all build install demo test vet fmt-check man clean tools fuzz bench bench-flat bench-tools

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

# make bench: redress side by side with its floor and with Taskwarrior
# (issue 19). Generates a large case file (10,000 cases, 200,000 notes;
# fixed seed; BENCH_SCALE=4 grows every table four times, into its own
# folder), the same file with its reminders stored for the floor program
# (cmd/redress-benchfloor), and Taskwarrior's data holding the same cases
# (`task import` of the generator's tasks.json), all cached in .bench/
# until the generator, the schema or the reminder rules change. Then it
# runs the Go benchmarks of the store queries and the iCalendar encoder,
# and times every command against its floor and its Taskwarrior
# counterpart in one alternating loop (cmd/redress-benchgen/bench.sh,
# cmd/redress-benchrun). It fails when a target is missed. BENCHMARKS.md
# holds the last measured table.
BENCH_SCALE ?= 1
BENCH_DIR := .bench$(if $(filter-out 1,$(BENCH_SCALE)),/scale$(BENCH_SCALE))
BENCH_DB := $(BENCH_DIR)/cases.db
BENCHGEN := bin/redress-benchgen
BENCHFLOOR := bin/redress-benchfloor
BENCHRUN := bin/redress-benchrun

bench: build $(BENCHGEN) $(BENCHFLOOR) $(BENCHRUN) $(BENCH_DB) $(BENCH_DIR)/floor.db $(BENCH_DIR)/task/pending.data bench-tools
	REDRESS_BENCH_DB=$(abspath $(BENCH_DB)) go test -run '^$$' -bench . -benchmem ./casefile ./reminders
	go test -run '^$$' -bench CallLine -benchmem ./cmd/redress
	sh cmd/redress-benchgen/bench.sh $(BIN) $(BENCHFLOOR) $(BENCHRUN) $(BENCH_DIR)

# make bench-flat: remind list and remind export on a 40,000-case file
# (BENCH_SCALE=4, cached in .bench/scale4) against the 10,000-case one,
# at most 1.3x (issue 19). Fails when a ratio is above it.
bench-flat: build $(BENCHRUN) .bench/cases.db
	$(MAKE) BENCH_SCALE=4 .bench/scale4/cases.db
	sh cmd/redress-benchgen/flat.sh $(BIN) $(BENCHRUN) .bench .bench/scale4

$(BENCHGEN): $(GO_FILES) go.mod go.sum
	go build -o $(BENCHGEN) ./cmd/redress-benchgen

$(BENCHFLOOR): cmd/redress-benchfloor/main.go go.mod go.sum
	go build -o $(BENCHFLOOR) ./cmd/redress-benchfloor

$(BENCHRUN): cmd/redress-benchrun/main.go go.mod go.sum
	go build -o $(BENCHRUN) ./cmd/redress-benchrun

# Depends on the generator's own code, the schema and what the stored
# reminders are made of (the rules, their words, the rights table), so
# changing a command does not regenerate the file. tasks.json is written
# with it. The reminders are stored in UTC, the zone bench.sh runs in.
$(BENCH_DB): $(wildcard casefile/benchgen/*.go) cmd/redress-benchgen/main.go $(wildcard casefile/migrations/*.sql) \
		$(wildcard reminders/*.go) $(wildcard prep/text/*/*.txt) $(wildcard casefile/rights/data/*.json)
	@mkdir -p $(BENCH_DIR)
	rm -f $(BENCH_DB).tmp* $(BENCH_DIR)/tasks.json
	TZ=UTC go run ./cmd/redress-benchgen -scale $(BENCH_SCALE) -o $(BENCH_DB).tmp -tasks $(BENCH_DIR)/tasks.json > $(BENCH_DB).tmp.json
	mv $(BENCH_DB).tmp.json $(BENCH_DB).json
	mv $(BENCH_DB).tmp $(BENCH_DB)

# The floor's copy, with the reminders redress computes at the bench clock
# stored in it; remade when the file or the reminder rules change.
$(BENCH_DIR)/floor.db: $(BENCH_DB) $(BENCHGEN) $(wildcard reminders/*.go)
	rm -f $@ $@-wal $@-shm
	TZ=UTC $(BENCHGEN) -floor $(BENCH_DB) -o $@ -now 2026-11-23T10:00:00Z

# Taskwarrior's data: the same cases imported once, settled by one `task
# list` (its garbage collection moves the completed tasks out of
# pending.data). The undo and backlog logs of the import are dropped:
# they are only read by undo and sync.
$(BENCH_DIR)/task/pending.data: $(BENCH_DB) | bench-tools
	rm -rf $(BENCH_DIR)/task && mkdir -p $(BENCH_DIR)/task
	printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\ncolor=off\n' $(abspath $(BENCH_DIR))/task > $(BENCH_DIR)/taskrc
	TASKRC=$(BENCH_DIR)/taskrc task import $(BENCH_DIR)/tasks.json > /dev/null
	TASKRC=$(BENCH_DIR)/taskrc task list > /dev/null
	rm -f $(BENCH_DIR)/task/undo.data $(BENCH_DIR)/task/backlog.data

# Taskwarrior is the program redress is compared with.
bench-tools:
	@command -v task >/dev/null || { \
		echo "installing: taskwarrior"; \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y taskwarrior; \
	}

# The man pages come from bin/redress-man: redress built with the man
# command (-tags redressman), which the installed binary leaves out.
man:
	go build -tags=sqlite_fts5,redressman -o bin/redress-man ./cmd/redress
	bin/redress-man man man

clean:
	rm -rf bin man .bench
