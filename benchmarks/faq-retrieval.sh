#!/bin/sh
# Times FAQRetriever.decide (the ranking and decision for one patient question) on a release build: on the bundled
# FAQ and on the bundled FAQ replicated with distinct ids to ENTRIES entries (default 120), over the phrasings of
# Tests/ConsultCoreTests/Fixtures/faq-phrasings.txt and a few off-topic questions. The index is built once per
# FAQ, as a session does; its build time is reported too. The table goes to benchmarks/results/faq-retrieval.md.
#
#   benchmarks/faq-retrieval.sh
#   ENTRIES=500 ROUNDS=50 benchmarks/faq-retrieval.sh
set -eu
cd "$(dirname "$0")/.."
ENTRIES=${ENTRIES:-120}
ROUNDS=${ROUNDS:-200}
swift build -c release --product faq-retrieval-benchmark >/dev/null
mkdir -p benchmarks/results
.build/release/faq-retrieval-benchmark dialogs Tests/ConsultCoreTests/Fixtures/faq-phrasings.txt "$ENTRIES" "$ROUNDS" \
    | tee benchmarks/results/faq-retrieval.md
