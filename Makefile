# Dateline: `make run` serves the demo newsroom; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=true

.PHONY: run test lint install audit-tools audit migrate demo scheduler clean bench bench-archive bench-import serve bench-delivery fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# The reader-page checkers (axe-core, the Nu HTML checker, Lighthouse), pinned in package-lock.json. Their
# install scripts are skipped: the HTML checker runs on the machine's Java, Lighthouse on Debian's Chromium.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

audit-tools: node_modules/.installed

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py load_demo

run: demo
	@echo ""
	@echo "  Dateline is running at http://$(HOST):$(PORT)/"
	@echo "  Newsroom admin:  http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (user / password):"
	@echo "    admin / dateline-demo-admin                  superuser"
	@echo "    administrator / dateline-demo-administrator  Administrator"
	@echo "    editor / dateline-demo-editor                Editor: approves and publishes"
	@echo "    reporter / dateline-demo-reporter            Reporter: writes and submits for review"
	@echo "  The scheduler publishes stories when their go-live time comes (checked every 30 s)."
	@echo ""
	@trap 'kill 0' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py run_scheduler --interval 30 & \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production settings (from the environment: SECRET_KEY, SITE_URL, DATABASE_URL, REDIS_URL…) under granian's WSGI
# server (Rust HTTP, keep-alive), one worker per core: measured against gunicorn sync and gthread in
# docs/performance.md, "Delivery"; static files hashed and compressed by collectstatic, served by WhiteNoise.
# FRONT_CACHE=varnish: Varnish with deploy/varnish/dateline.vcl answers on HOST:PORT, the app server listens behind
# it on 127.0.0.1:APP_PORT, and the application purges Varnish by content tag on every change (VARNISH_URL).
# FRONT_CACHE=nginx: nginx with deploy/nginx/dateline.conf does the same from a cache on disk (NGINX_CACHE_DIR),
# whose files the application deletes by content tag: as fast as Varnish here, one process fewer to install, and a
# cache that outlives restarts (docs/performance.md, "Delivery").
# More than one worker shares the page cache only through Redis: REDIS_URL is required then (or PAGE_CACHE=false).
# ACCESS_LOG=1 writes the app server's access log to stdout (off by default: Varnish has varnishncsa).
WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
# Background work (search indexing, related stories, renditions, purges, webhooks) goes to a database queue
# that `manage.py db_worker` runs beside the app server, so a publication only queues it.
TASKS_BACKEND ?= django_tasks_db.DatabaseBackend
SERVE_ENV := STATIC_MANIFEST=true TASKS_BACKEND=$(TASKS_BACKEND)
FRONT_CACHE ?=
NGINX_CACHE_DIR ?= $(CURDIR)/var/front-cache
APP_PORT ?= $(shell echo $$(( $(PORT) + 1 )))
# Behind a front cache every request comes from it: the reader's address is the one it adds to X-Forwarded-For
# (login and API rate limits go by it). Count another proxy for a TLS terminator or load balancer in front.
FRONT_PROXIES = API_NUM_PROXIES=$(or $(API_NUM_PROXIES),1)
ACCESS_LOG ?=
PURGE_HOST = $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
# The worker looks for new tasks every 0.2 s when idle (one indexed query), so a publication's purge of Varnish
# starts within 0.2 s rather than the default 1 s.
TASK_WORKER = $(SERVE_ENV) $(BIN)/python manage.py db_worker --no-startup-delay --interval 0.2
# 16 threads a worker: enough to overlap Redis and database waits on a core, and a bound on each worker's database
# and Redis connections (one a thread; granian's own default allows hundreds, past Redis's pool of 100).
APP_THREADS ?= 16
APP_SERVER = $(SERVE_ENV) $(BIN)/granian --interface wsgi dateline.wsgi:application --workers $(WORKERS) --no-ws \
	--blocking-threads $(APP_THREADS) --log-level warning $(if $(ACCESS_LOG),--access-log)

serve: install
	@if [ "$(WORKERS)" -gt 1 ] && [ -z "$$REDIS_URL" ] && [ "$${PAGE_CACHE:-true}" != false ]; then \
		echo "make serve: $(WORKERS) workers share the page cache only through Redis: set REDIS_URL, or WORKERS=1," \
			"or PAGE_CACHE=false" >&2; exit 2; fi
	$(SERVE_ENV) $(BIN)/python manage.py migrate --no-input
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
ifeq ($(FRONT_CACHE),varnish)
	@echo "make serve: Varnish on $(HOST):$(PORT) in front of granian on 127.0.0.1:$(APP_PORT)"
	@trap 'kill 0' EXIT INT TERM; \
	VARNISH_URL=http://$(PURGE_HOST):$(PORT)/ $(TASK_WORKER) & \
	VARNISH_URL=http://$(PURGE_HOST):$(PORT)/ $(FRONT_PROXIES) $(APP_SERVER) --host 127.0.0.1 --port $(APP_PORT) & \
	$(BIN)/python -m dateline.delivery.varnishd --listen $(HOST):$(PORT) --backend 127.0.0.1:$(APP_PORT)
else ifeq ($(FRONT_CACHE),nginx)
	@echo "make serve: nginx on $(HOST):$(PORT) in front of granian on 127.0.0.1:$(APP_PORT)"
	@trap 'kill 0' EXIT INT TERM; \
	NGINX_CACHE_DIR=$(NGINX_CACHE_DIR) $(TASK_WORKER) & \
	NGINX_CACHE_DIR=$(NGINX_CACHE_DIR) $(FRONT_PROXIES) $(APP_SERVER) --host 127.0.0.1 --port $(APP_PORT) & \
	$(BIN)/python -m dateline.delivery.nginxd --listen $(HOST):$(PORT) --backend 127.0.0.1:$(APP_PORT) \
		--cache-dir $(NGINX_CACHE_DIR)
else ifeq ($(FRONT_CACHE),)
	@trap 'kill 0' EXIT INT TERM; \
	$(TASK_WORKER) & \
	$(APP_SERVER) --host $(HOST) --port $(PORT)
else
	@echo "make serve: FRONT_CACHE=$(FRONT_CACHE) is not known; use FRONT_CACHE=nginx or varnish, or leave it empty" >&2; exit 2
endif

# Lighthouse (mobile and desktop) on the reader pages of the demo newsroom served as in production.
audit: install audit-tools
	$(BIN)/python -m dateline.audit

scheduler: migrate
	$(DEV_ENV) $(BIN)/python manage.py run_scheduler

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -q -r dateline -ll  # medium and high findings; configured in pyproject.toml

test: lint audit-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Coverage-guided fuzzing (atheris) of the sanitiser, every importer's parsing and the search query: each target
# for FUZZ_RUNS inputs; the corpus grows in var/fuzz/TARGET/, crashes land in var/fuzz/crashes/. `make test` runs a
# short round of every target (dateline/tests/test_fuzz.py).
FUZZ_RUNS ?= 1000000
FUZZ_TARGETS ?= sanitiser text html feed ninjs wxr search_query
fuzz: install
	@for target in $(FUZZ_TARGETS); do \
		echo "make fuzz: $$target, $(FUZZ_RUNS) runs"; \
		$(BIN)/python -m dateline.fuzz.run $$target -runs=$(FUZZ_RUNS) -timeout=1 -rss_limit_mb=512 || exit 1; \
	done

# Benchmarks (`make bench`): each bench-* target measures one capability; results go in docs/performance.md.
BENCH_SIZES ?= 1000 10000
BENCH_ENV := DEBUG=false PAGE_CACHE=false SECRET_KEY=bench-only-not-a-secret-0123456789abcdefghijklmnop
BENCH_PG := postgres://postgres@127.0.0.1:5432

bench: bench-archive bench-import bench-search bench-delivery

# A fresh archive of each size on each database, then publishing, admin-view and reader-query timings:
# SQLite in var/bench/<size>.sqlite3, a copy of var/bench/archive-<size>.sqlite3 (generated once and kept; above
# 10,000 stories only the newest 10,000 are indexed for search: on SQLite the index is most of the generation time);
# PostgreSQL in a database dateline_bench_archive_<size> on $(BENCH_PG), created and dropped with psql.
# BENCH_PG_TEMPLATE=dateline_bench_ copies dateline_bench_<size>, where it exists (an archive generate_stories already
# made), instead of generating one. BENCH_SIZES="1000 10000 100000": the full set. The timings hold $(BENCH_LOCK).
BENCH_DATABASES ?= sqlite postgresql
BENCH_PG_TEMPLATE ?=
BENCH_ARGS ?=
BENCH_LOCK ?= flock /tmp/bench.lock
bench-archive: install
	mkdir -p var/bench
	for size in $(BENCH_SIZES); do for database in $(BENCH_DATABASES); do \
		if [ "$$database" = sqlite ]; then \
			kept="$(CURDIR)/var/bench/archive-$$size.sqlite3"; db="$(CURDIR)/var/bench/$$size.sqlite3"; \
			if [ ! -f "$$kept" ]; then \
				$(BENCH_ENV) DATABASE_URL="sqlite:///$$kept" $(BIN)/python manage.py migrate --no-input -v0 && \
				$(BENCH_ENV) DATABASE_URL="sqlite:///$$kept" $(BIN)/python manage.py generate_stories $$size \
					--batch 5000 --index-newest 10000 || { rm -f "$$kept"; exit 1; }; \
			fi; \
			rm -f "$$db"; cp "$$kept" "$$db"; url="sqlite:///$$db"; template=kept; \
		else \
			db="dateline_bench_archive_$$size"; url="$(BENCH_PG)/$$db"; \
			template="$(if $(BENCH_PG_TEMPLATE),$(BENCH_PG_TEMPLATE)$$size)"; \
			[ -z "$$template" ] || [ "$$(psql "$(BENCH_PG)/postgres" -Atc \
				"SELECT 1 FROM pg_database WHERE datname = '$$template'")" = 1 ] || template=""; \
			psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE IF EXISTS $$db" \
				-c "CREATE DATABASE $$db$${template:+ TEMPLATE $$template}" || exit 1; \
		fi; \
		$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py migrate --no-input -v0 && \
		{ [ -n "$$template" ] || $(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py generate_stories $$size; } && \
		$(BENCH_LOCK) env $(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python -m dateline.newsroom.bench $(BENCH_ARGS) || exit 1; \
		if [ "$$database" = postgresql ]; then psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE $$db"; fi; \
	done; done

# Page delivery: make serve FRONT_CACHE=nginx, and Varnish beside it, on copies of the PostgreSQL archives
# dateline_bench_<size> (made by generate_stories), measured with wrk against nginx serving the same bytes from a
# file (docs/performance.md).
BENCH_DELIVERY_SIZES ?= 10000 100000
bench-delivery: install
	$(BENCH_ENV) $(BIN)/python -m dateline.delivery.bench --sizes $(BENCH_DELIVERY_SIZES) --pg $(BENCH_PG)

# Import throughput: `manage.py import ninjs` of 10,000 generated items into an empty database, twice (all created,
# then all unchanged), on SQLite (var/bench/import.sqlite3) and PostgreSQL ($(BENCH_IMPORT_PG) on $(BENCH_PG), dropped
# and created here). First as drafts in review (the default), then with --publish, its background tasks (indexing,
# enrichment) queued for a worker (the dummy tasks backend) instead of run one story at a time in the import.
BENCH_IMPORT_ITEMS ?= 10000
BENCH_IMPORT_PG := dateline_bench_import
bench-import: install
	mkdir -p var/bench
	for mode in drafts publish; do \
		flags=""; tasks=""; \
		if [ $$mode = publish ]; then flags=--publish; tasks=TASKS_BACKEND=django_tasks.backends.dummy.DummyBackend; fi; \
		rm -f var/bench/import.sqlite3; \
		env $(BENCH_ENV) $$tasks DATABASE_URL="sqlite:///$(CURDIR)/var/bench/import.sqlite3" \
			$(BIN)/python -m dateline.ingest.bench --items $(BENCH_IMPORT_ITEMS) $$flags || exit 1; \
		psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE IF EXISTS $(BENCH_IMPORT_PG)" \
			-c "CREATE DATABASE $(BENCH_IMPORT_PG)" || exit 1; \
		env $(BENCH_ENV) $$tasks DATABASE_URL="$(BENCH_PG)/$(BENCH_IMPORT_PG)" \
			$(BIN)/python -m dateline.ingest.bench --items $(BENCH_IMPORT_ITEMS) $$flags || exit 1; \
	done
	psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE $(BENCH_IMPORT_PG)"

# Search, related stories and publishing (python -m dateline.search.bench) for each of BENCH_SEARCH_SIZES on
# SQLite (var/bench/search-<size>.sqlite3: a copy of bench-archive's <size>.sqlite3, else generated; kept) and on
# PostgreSQL (dateline_search_bench_<size>: a copy of dateline_bench_<size> where generate_stories made one, else
# generated; its story index built with update_index; dropped afterwards).
BENCH_SEARCH_SIZES ?= 10000 100000
.PHONY: bench-search
bench-search: install
	mkdir -p var/bench
	for size in $(BENCH_SEARCH_SIZES); do \
		db="$(CURDIR)/var/bench/search-$$size.sqlite3"; url="sqlite:///$$db"; \
		if [ ! -f "$$db" ] && [ -f "var/bench/$$size.sqlite3" ]; then cp "var/bench/$$size.sqlite3" "$$db"; fi; \
		if [ ! -f "$$db" ]; then \
			$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py migrate --no-input -v0 && \
			$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py generate_stories $$size || { rm -f "$$db"; exit 1; }; \
		fi; \
		$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py migrate --no-input -v0 && \
		$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python -m dateline.search.bench || exit 1; \
		pg="dateline_search_bench_$$size"; url="$(BENCH_PG)/$$pg"; template="dateline_bench_$$size"; \
		[ "$$(psql "$(BENCH_PG)/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$$template'")" = 1 ] || template=""; \
		psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE IF EXISTS $$pg" \
			-c "CREATE DATABASE $$pg$${template:+ TEMPLATE $$template}" || exit 1; \
		$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py migrate --no-input -v0 && \
		if [ -n "$$template" ]; then \
			$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py update_index --backend stories; \
		else \
			$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python manage.py generate_stories $$size; \
		fi && \
		$(BENCH_ENV) DATABASE_URL="$$url" $(BIN)/python -m dateline.search.bench; status=$$?; \
		psql "$(BENCH_PG)/postgres" -q -c "DROP DATABASE IF EXISTS $$pg"; [ $$status = 0 ] || exit 1; \
	done

clean:
	rm -rf var/test .pytest_cache .ruff_cache
