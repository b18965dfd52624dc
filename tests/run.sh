#!/usr/bin/env bash
# run.sh: the test runner behind `make test`.
#
#   tests/run.sh [SUITE...]              suites: host kernel runner (default: all)
#   tests/run.sh --kernel-tests NAME...  boot just these kernel tests
#
# Prints one line per test, PASS or FAIL with the reason; a failed boot is
# followed by the tail of its serial log. Ends with "N passed, N failed" and
# exits non-zero if anything failed. Kernel tests are booted headless under a
# time limit (TEST_TIMEOUT seconds) with QEMU's exit device, so a hang, a
# panic or a triple fault is a failure and never a stuck run.
#
# Environment: BUILD ISO KERNEL (from the Makefile), TEST_TIMEOUT, JOBS.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD=${BUILD:-build}
ISO=${ISO:-$BUILD/mk.iso}
KERNEL=${KERNEL:-$BUILD/microkernel/kernel.elf}
UTESTS=${UTESTS:-$BUILD/tests/kernel/utests.elf}
TEST_TIMEOUT=${TEST_TIMEOUT:-60}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 1)}
LOG_TAIL_LINES=${LOG_TAIL_LINES:-25}

results=$(mktemp "${TMPDIR:-/tmp}/mk-results.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/mk-logs.XXXXXX")
trap 'rm -rf "$results" "$logs"' EXIT

# One definition of the exit codes: the kernel's header.
exit_code() {
	local hex
	hex=$(sed -n "s/.*\b$1 = \(0x[0-9a-fA-F]*\).*/\1/p" \
		"$root/microkernel/include/mk/exit_code.h")
	[ -n "$hex" ] || { echo "run.sh: $1 missing from mk/exit_code.h" >&2; exit 2; }
	echo $(( (hex << 1) | 1 ))
}
status_pass=$(exit_code MK_EXIT_TEST_PASS)
status_fail=$(exit_code MK_EXIT_TEST_FAIL)
status_panic=$(exit_code MK_EXIT_PANIC)
status_poweroff=$(exit_code MK_EXIT_POWEROFF)

# report LINE [DETAIL_FILE]: prints a result (and details) as one write, under
# a lock so parallel jobs do not interleave.
report() {
	{
		flock 9
		echo "$1" | tee -a "$results"
		[ -n "${2:-}" ] && [ -s "$2" ] && cat "$2"
	} 9>"$logs/.lock"
}

tail_of() {
	tail -n "$LOG_TAIL_LINES" "$1" | sed 's/^/    | /'
}

boot_outcome() {
	case $1 in
	"$status_pass") echo pass ;;
	"$status_fail") echo "the test failed" ;;
	"$status_panic") echo "kernel panic" ;;
	"$status_poweroff") echo "powered off without a test result" ;;
	124 | 137) echo "hung: no result within ${TEST_TIMEOUT}s" ;;
	0) echo "machine reset (triple fault)" ;;
	*) echo "QEMU failed with status $1" ;;
	esac
}

# run_kernel_test KIND NAME: boots with KIND=NAME (ktest: in-kernel test,
# utest: native test task).
run_kernel_test() {
	local kind=$1 name=$2 log="$logs/$2.log" start end outcome status
	start=$(date +%s.%N)
	"$root/scripts/qemu.sh" --iso "$ISO" --cmdline "$kind=$name" \
		--log "$log" --timeout "$TEST_TIMEOUT" > "$logs/$name.qemu" 2>&1
	status=$?
	end=$(date +%s.%N)
	outcome=$(boot_outcome $status)
	local took
	took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1fs", b - a }')
	if [ "$outcome" = pass ]; then
		report "PASS kernel/$name ($took)"
	else
		{ tail_of "$log"; sed 's/^/    qemu: /' "$logs/$name.qemu"; } > "$logs/$name.tail"
		report "FAIL kernel/$name: $outcome; serial log tail:" "$logs/$name.tail"
	fi
}
export -f run_kernel_test report tail_of boot_outcome
export root ISO TEST_TIMEOUT LOG_TAIL_LINES logs results \
	status_pass status_fail status_panic status_poweroff

tests_in() {
	nm "$1" 2>/dev/null | sed -n "s/.* $2_desc_//p" | grep -v '^selftest_' | sort
}

# Prints "KIND NAME" for each name: utest if the native test task has it.
kernel_test_selectors() {
	local native
	native=$(tests_in "$UTESTS" utest)
	for name in "$@"; do
		if grep -qx -- "$name" <<< "$native"; then echo "utest $name"; else echo "ktest $name"; fi
	done
}

run_kernel_tests() {
	[ -f "$ISO" ] || { report "FAIL kernel: no ISO at $ISO (run make)"; return; }
	kernel_test_selectors "$@" | xargs -P "$JOBS" -L 1 bash -c 'run_kernel_test "$1" "$2"' _
}

run_host_tests() {
	local bin out status bins
	bins=$(find "$BUILD/host-tests" -type f -perm -u+x 2>/dev/null | sort)
	[ -n "$bins" ] || { report "FAIL host: no host test programs in $BUILD/host-tests"; return; }
	while IFS= read -r bin; do
		out="$logs/host.out"
		timeout "$TEST_TIMEOUT" "$bin" > "$out" 2>&1
		status=$?
		[ $status -eq 124 ] && echo "timed out after ${TEST_TIMEOUT}s" >> "$out"
		grep -E '^(PASS|FAIL) ' "$out" | while IFS= read -r line; do report "$line"; done
		if [ $status -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
			tail_of "$out" > "$logs/host.tail"
			report "FAIL host/${bin#"$BUILD"/host-tests/}: exited with status $status" \
				"$logs/host.tail"
		fi
	done <<< "$bins"
}

# The runner's own test: kernels that panic, hang or name no test must be
# reported as failures with their serial logs, and must not stall the run.
run_runner_selftest() {
	local out="$logs/selftest.out" status
	TEST_TIMEOUT=10 LOG_TAIL_LINES=5 "$0" --kernel-tests selftest_panics \
		selftest_hangs no_such_test > "$out" 2>&1
	status=$?
	expect_runner() {
		if grep -q -- "$2" "$out"; then report "PASS runner/$1"
		else
			tail_of "$out" > "$logs/selftest.tail"
			report "FAIL runner/$1: expected '$2' in the runner's output:" "$logs/selftest.tail"
		fi
	}
	expect_runner reports_panicking_test_as_failure "^FAIL kernel/selftest_panics: kernel panic"
	expect_runner shows_serial_log_of_failed_test "| mk: panic: deliberate panic"
	expect_runner reports_hanging_test_as_failure "^FAIL kernel/selftest_hangs: hung"
	expect_runner reports_unknown_test_as_failure "^FAIL kernel/no_such_test: the test failed"
	expect_runner counts_failures_in_closing_line "^0 passed, 3 failed$"
	if [ $status -ne 0 ]; then report "PASS runner/exits_nonzero_when_a_test_fails"
	else report "FAIL runner/exits_nonzero_when_a_test_fails: exit status 0"; fi
}

if [ "${1:-}" = --kernel-tests ]; then
	shift
	run_kernel_tests "$@"
else
	[ $# -eq 0 ] && set -- host kernel runner
	for suite in "$@"; do
		case $suite in
		host) run_host_tests ;;
		kernel) run_kernel_tests $(tests_in "$KERNEL" ktest) $(tests_in "$UTESTS" utest) ;;
		runner) run_runner_selftest ;;
		*) echo "run.sh: unknown suite '$suite' (host, kernel, runner)" >&2; exit 2 ;;
		esac
	done
fi

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
