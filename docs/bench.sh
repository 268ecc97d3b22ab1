#!/usr/bin/env bash
# Reproduces the figures in docs/benchmarks.md on this machine.
#
#   docs/bench.sh [N]        N careers for the comparison (default 10000)
#   BIG=1 docs/bench.sh      also the 100,000-career build
#
# Needs hugo and GNU time (apt-get install hugo time) for the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${WORK:-$(mktemp -d)}
echo "work folder: $work"
go build -o "$work/careerguide" ./cmd/careerguide
go run ./cmd/gencorpus -n "$n" -o "$work/site" -seed 1

echo "== cold builds, careerguide and Hugo in turn (median ratios), output on disk"
../shared/bench/hugo-compare.sh "$work/site" "$work/careerguide" 3
echo "== the same with the output on tmpfs (/dev/shm): the CPU's share alone"
TMPDIR=/dev/shm ../shared/bench/hugo-compare.sh "$work/site" "$work/careerguide" 3

echo "== the floor beside a whole cold build, output on tmpfs: reading, parsing and converting each career and writing it, and nothing else (10,000 careers)"
TMPDIR=/dev/shm go test ./internal/build -run '^$' -bench 'Floor10k|BuildCold10k' -benchtime 3x

echo "== one cold build's steps and CPU profile"
rm -rf "$work/out" "$work/site/.careerguide"
"$work/careerguide" build --source "$work/site" --out "$work/out" --quiet --timings --cpuprofile "$work/cpu.prof"
go tool pprof -top -nodecount=10 "$work/careerguide" "$work/cpu.prof" | tail -n 11

echo "== warm build: nothing changed since the last build"
"$work/careerguide" build --source "$work/site" --out "$work/out" --quiet
for i in 1 2 3; do
  /usr/bin/time -f "careerguide warm: %e s, %M KB peak RSS" "$work/careerguide" build --source "$work/site" --out "$work/out" --quiet --timings
done

echo "== serve: edit to served, over HTTP"
go run ./cmd/editbench -site "$work/site" -bin "$work/careerguide" -edits 10
echo "== the same with half a second between an edit shown and the next save, as an author reads"
go run ./cmd/editbench -site "$work/site" -bin "$work/careerguide" -edits 10 -pause 500ms

echo "== stage benchmarks (1,000 careers) and serve edits (10,000)"
go test ./internal/build -run '^$' -bench 'Load|Parse|Index|Reindex|RenderCareer|Serve' -benchtime 10x

echo "== the test suite"
go clean -testcache
/usr/bin/time -f "go test ./...: %e s wall" go test ./... >/dev/null

if [ -n "${BIG:-}" ]; then
  echo "== 100,000 careers"
  go run ./cmd/gencorpus -n 100000 -o "$work/big" -seed 1
  /usr/bin/time -f "careerguide 100k cold: %e s, %M KB peak RSS" "$work/careerguide" build --source "$work/big" --out "$work/big-out" --quiet --timings
fi
