# The two commands of the README:
#   make site   install what is missing, build the generator, build the site into site/
#   make test   everything: unit and integration tests, content check, link check, browser tests
.PHONY: site test deps deps-browser generator unit e2e check clean debug bench

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

site: deps generator
	$(BUILD)/toolkit build

deps:
	@scripts/install-deps.sh

deps-browser:
	@scripts/install-deps.sh --browser

$(BUILD)/CMakeCache.txt:
	cmake --preset release

generator: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

unit: generator
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test: deps deps-browser generator
	scripts/test.sh

debug:
	cmake --preset debug
	cmake --build build-debug -j $(JOBS)
	ctest --test-dir build-debug --output-on-failure

clean:
	rm -rf $(BUILD) build-debug site
