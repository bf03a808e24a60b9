#!/usr/bin/env bash
# Issue 19's scale benchmark: bench/announcement.sh on a dataset of 100,000 agreements between 1,000 controllers and 50
# processors (a READ-MODEL BULK LOAD into subprocessor-service: agreement directory and registry rows, not events), one of
# which announces a new sub-processor to its 10,000 agreements. Measured and printed (bench/README.md, "scale.sh"): time
# until every notice is in the change list, in reporting-service's obligations, and every webhook delivered to the
# controllers' receivers (1% failing at first); p50/p99 of the lists at that size; the Kafka consumer lag; rebuild
# speed of the read models fed by dpa.subprocessors (both services); each service's RSS.
#
#   bench/scale.sh                  100,000 agreements, the announcement to 10,000 (about 5 minutes on 2 cores)
#   BENCH_QUICK=1 bench/scale.sh    10,000 agreements, the announcement to 1,000, fewer requests (to try it out)
#
# Any setting of bench/announcement.sh may be given too (BENCH_TOTAL_AGREEMENTS, BENCH_PROCESSORS, BENCH_CONTROLLERS, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_QUICK:-0}" = 1 ]; then total=10000; else total=100000; fi
export BENCH_TOTAL_AGREEMENTS=${BENCH_TOTAL_AGREEMENTS:-$total}
export BENCH_PROCESSORS=${BENCH_PROCESSORS:-50}
export BENCH_CONTROLLERS=${BENCH_CONTROLLERS:-1000}
exec bash bench/announcement.sh "$@"
