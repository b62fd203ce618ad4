# Weerbaar. `make demo` runs it with demo data; `make test` runs every test.
GO ?= go
STATIC := internal/web/static/vendor

.PHONY: demo build assets test vet tidy lint-api vulncheck bench fuzz clean

# Start Weerbaar on embedded SQLite with demo data and demo logins.
demo: assets
	$(GO) run ./cmd/weerbaar serve --demo --db sqlite:weerbaar-demo.db

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

build: assets
	$(GO) build -ldflags "-X weerbaar/internal/app.Version=$(VERSION)" -o bin/weerbaar ./cmd/weerbaar

# Fetch the pinned NL Design System CSS (npm) and write where the binary
# embeds it only the Utrecht components in internal/web/static/components.txt
# and the theme tokens they and our CSS use. The folder is ignored by git.
assets: node_modules/.package-lock.json
	$(GO) run ./internal/web/cmd/cssbundle -node-modules node_modules -web internal/web
	@# Nothing may load from the network (fonts, imports): refuse such CSS.
	@! grep -HnE "@import|url\\((['\"])?(https?:)?//" $(STATIC)/*.css || { echo "assets: CSS loads from elsewhere" >&2; exit 1; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Lint the OpenAPI document with the repository's NL API Design Rules
# ruleset (.spectral.yaml); `make test` runs the same lint on the served document.
lint-api: node_modules/.package-lock.json
	node_modules/.bin/spectral lint -r .spectral.yaml internal/api/openapi.json --fail-severity=warn

vet: tidy
	$(GO) vet ./...

# go.mod and go.sum must be what `go mod tidy` makes of them: every direct
# dependency listed as direct, nothing unused.
tidy:
	$(GO) mod tidy -diff

# Every test: unit and storage tests on SQLite and PostgreSQL, browser tests
# with axe-core, and the OpenAPI lint.
test: assets vet
	$(GO) test -count=1 ./...

# Needs the online vulnerability database, so it is not part of `make test`.
vulncheck:
	$(GO) run golang.org/x/vuln/cmd/govulncheck@latest ./...

# Fuzz each decoder of outside input for a bounded time (FUZZTIME each);
# `make test` runs only their seeds. Findings land in the package's
# testdata/fuzz, where they become seeds.
FUZZTIME ?= 20s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzCreateIncidentJSON$$' -fuzztime $(FUZZTIME) ./internal/api
	$(GO) test -run '^$$' -fuzz '^FuzzAnonymousForm$$' -fuzztime $(FUZZTIME) ./internal/web/meldingen
	$(GO) test -run '^$$' -fuzz '^FuzzPrepareFile$$' -fuzztime $(FUZZTIME) ./internal/incident

bench:
	$(GO) test -run '^$$' -bench . -benchtime 2s ./...

clean:
	rm -rf bin node_modules $(STATIC)
