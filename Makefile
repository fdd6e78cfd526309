# Top-level entry points. `make demo` and `make test` set up a fresh Debian
# machine first (scripts/setup.sh installs LLVM 19 when it is missing).

CARGO ?= cargo
TRANSLATE = target/release/translate
DEMO_TARGET = targets/targetfib.py
DEMO_ARGS = 30

.PHONY: all setup build demo test test-runtime test-translator bench clean

all: build

setup:
	./scripts/setup.sh

build: setup
	$(CARGO) build --release

# Translate the default target, print the [Timer] table, run the binary.
demo: build
	$(TRANSLATE) -O2 $(DEMO_TARGET)
	./targetfib-c $(DEMO_ARGS)

test: setup test-runtime test-translator

test-runtime:
	$(MAKE) -C runtime test

# Unit tests of every phase, then the differential suite (each program
# under python3 and translated) and the rejected-programs corpus.
test-translator:
	$(CARGO) test --release

# Benchmarks: every program in ../shared/bench and targets/, translated,
# under CPython, PyPy3 and C; QUICK=1 for the small sizes, ONLY=nbody,fannkuch
# and RUNS=N to narrow it down. Writes bench/results.json and .md.
bench: build
	python3 bench/run.py $(if $(QUICK),--quick) $(if $(ONLY),--only $(ONLY)) $(if $(RUNS),--runs $(RUNS))

clean:
	$(CARGO) clean
	$(MAKE) -C runtime clean
	rm -f targetfib-c
