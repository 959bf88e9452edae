# Thin wrapper over CMake. The two quick-start commands:
#   make demo   install missing dependencies, build, check the bundled 2009 draft
#   make test   install missing dependencies, build, run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure build demo test test-sanitize clean update-golden

all: build

deps:
	@scripts/install-deps

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The demo runs the complete obligation search and skips the permission
# search, which takes about 80 s more on two idle cores for this corpus
# (docs/performance.md).
DEMO_FLAGS ?= --as-of 2024-06-01 --no-permissions

demo: build
	$(BUILD)/treatycheck check examples/est-2009-draft.treaty $(DEMO_FLAGS); status=$$?; \
	  echo "(treatycheck exited with $$status: 0 consistent, 1 conflicts found, 3 only unknowns)"; \
	  test $$status -le 1 -o $$status -eq 3

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	@test -f build-sanitize/CMakeCache.txt || cmake -S . -B build-sanitize -DTREATYCHECK_SANITIZE=ON >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ctest --output-on-failure -j $(JOBS)

update-golden: build
	scripts/update-golden $(BUILD)

clean:
	rm -rf $(BUILD) build-sanitize
